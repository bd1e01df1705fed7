package io.jixiao.local.infra;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What a first Keycloak start makes and every later start on the machine can reuse, kept in {@link WorkDirs#cache()}
 * per Keycloak version: the development-mode build of the distribution ({@code lib/quarkus}, about 40 of the 60
 * seconds of a first start on 2 cores) and, per realm file, the database holding the realm just imported. A fresh
 * clone copies them instead of making them, as Maven's repository spares it the downloads.
 *
 * <p>An entry is written to a temporary directory and moved into place in one step, so builds side by side never see
 * half an entry; an incomplete one is ignored, and Keycloak rebuilds itself if its build does not fit its options.
 */
final class KeycloakCache {

    /** Written into a home's {@code lib/quarkus} once that home holds a development-mode build. */
    private static final String BUILT_MARKER = "jixiao-start-dev-build";
    private static final String BUILD_PROPERTIES = "build-system.properties";

    private KeycloakCache() {
    }

    /** Gives an unbuilt home the build kept on this machine, if there is one; answers whether the home is built. */
    static boolean restoreBuild(Path home, String version) throws IOException {
        Path built = home.resolve("lib/quarkus");
        if (Files.exists(built.resolve(BUILT_MARKER))) {
            return true;
        }
        Path kept = build(version);
        if (!Files.exists(kept.resolve(BUILD_PROPERTIES))) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(kept)) {
            for (Path file : files) {
                Files.copy(file, built.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(built.resolve(BUILT_MARKER), version);
        return true;
    }

    /** After a start: marks the home built and keeps its build for other clones, unless the machine has one. */
    static void keepBuild(Path home, String version) throws IOException {
        Path built = home.resolve("lib/quarkus");
        if (Files.exists(built.resolve(BUILT_MARKER))) {
            return;
        }
        if (!Files.exists(build(version).resolve(BUILD_PROPERTIES))) {
            publish(built, build(version));
        }
        Files.writeString(built.resolve(BUILT_MARKER), version);
    }

    /** The database kept for this realm file, if there is one. */
    static Optional<Path> template(String version, String realmHash, String databaseFile) {
        Path kept = template(version, realmHash).resolve(databaseFile);
        return Files.isRegularFile(kept) ? Optional.of(kept) : Optional.empty();
    }

    static void keepTemplate(Path template, String version, String realmHash) throws IOException {
        publish(template, template(version, realmHash));
    }

    private static Path build(String version) {
        return WorkDirs.cache().resolve("keycloak-" + version + "-start-dev-build");
    }

    private static Path template(String version, String realmHash) {
        return WorkDirs.cache().resolve("keycloak-" + version + "-realm-" + realmHash.substring(0, 16));
    }

    /** Copies a directory's files into the cache under {@code target}, in one step; keeps what is already there. */
    private static void publish(Path from, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path making = Files.createTempDirectory(target.getParent(), target.getFileName() + ".making-");
        try {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(from, Files::isRegularFile)) {
                for (Path file : files) {
                    if (!file.getFileName().toString().equals(BUILT_MARKER)) {
                        Files.copy(file, making.resolve(file.getFileName()));
                    }
                }
            }
            Files.move(making, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // another build kept the same first
        } finally {
            WorkDirs.deleteTree(making); // nothing left once moved
        }
    }
}
