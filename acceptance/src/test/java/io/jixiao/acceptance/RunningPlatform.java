package io.jixiao.acceptance;

import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Tokens;
import io.jixiao.local.infra.WorkDirs;
import io.jixiao.local.infra.SharedKeycloak;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One platform per test JVM, started like the README's run command (but on free ports, with throw-away data),
 * stopped when the JVM exits. Its logs stay under {@code .work/acceptance/} for a failing run to be read; of the runs
 * before, the newest few are kept and older ones (of more than an hour ago) removed.
 */
final class RunningPlatform {

    private static final int KEPT = 4;
    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path dir;
            try {
                Path base = WorkDirs.work().resolve("acceptance");
                Files.createDirectories(base);
                prune(base);
                dir = Files.createTempDirectory(base, "run-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // the build's Keycloak, which the services' tests started (no test changes the realm)
            platform = Platform.start(Platform.Config.ephemeral(dir), Map.of(),
                    line -> System.out.println("[platform] " + line),
                    SharedKeycloak::acquire);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
        }
        return platform;
    }

    /** Keeps the {@value #KEPT} newest earlier runs; removes older ones that are more than an hour old. */
    static void prune(Path base) throws IOException {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        List<Path> runs;
        try (Stream<Path> dirs = Files.list(base)) {
            runs = dirs.filter(Files::isDirectory).sorted(Comparator.comparing(RunningPlatform::modified).reversed())
                    .toList();
        }
        for (Path old : runs.subList(Math.min(KEPT, runs.size()), runs.size())) {
            if (modified(old).isBefore(anHourAgo)) {
                try {
                    WorkDirs.deleteTree(old);
                } catch (IOException e) {
                    System.err.println("could not remove an old run, " + old + ": " + e); // tidying only
                }
            }
        }
    }

    private static Instant modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    static Tokens tokens() {
        return Tokens.of(get().keycloak());
    }
}
