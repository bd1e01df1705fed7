package io.jixiao.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the project lives and where it keeps what it fetches and runs: {@code .work/} at the project root
 * (third-party runtimes, data, logs), never committed.
 */
public final class WorkDirs {

    private WorkDirs() {
    }

    /** The project root: {@code -Djixiao.root.dir}, else the nearest directory upwards holding {@code .mvn/}. */
    public static Path root() {
        String configured = System.getProperty("jixiao.root.dir", System.getenv("JIXIAO_ROOT_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve(".mvn")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (a directory with .mvn/ and pom.xml) above "
                + Path.of("").toAbsolutePath() + "; set -Djixiao.root.dir");
    }

    /** The work directory: {@code -Djixiao.work.dir}, else {@code <root>/.work}. */
    public static Path work() {
        String configured = System.getProperty("jixiao.work.dir", System.getenv("JIXIAO_WORK_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return root().resolve(".work");
    }

    /**
     * What a machine keeps across clones of the project, as Maven's repository keeps downloads (built third-party
     * runtimes): {@code -Djixiao.cache.dir}, else {@code $JIXIAO_CACHE_DIR}, else {@code $XDG_CACHE_HOME/jixiao}, else
     * {@code ~/.cache/jixiao}.
     */
    public static Path cache() {
        String configured = System.getProperty("jixiao.cache.dir", System.getenv("JIXIAO_CACHE_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jixiao").toAbsolutePath().normalize();
    }

    /** A third-party runtime unpacked by the {@code deploy/runtime} module, or a clear error if it is missing. */
    static Path runtime(String name) {
        Path dir = work().resolve(name);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir + " is missing: build the project first (./mvnw install -DskipTests)"
                    + " so that deploy/runtime fetches it");
        }
        return dir;
    }

    /** Deletes a directory and everything in it, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
