package io.jixiao.acceptance;

import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Tokens;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One platform per test JVM, started like the README's run command (but on free ports, with throw-away data),
 * stopped when the JVM exits. Its logs stay under {@code .work/acceptance/} for a failing run to be read.
 */
final class RunningPlatform {

    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path dir;
            try {
                Path base = WorkDirs.work().resolve("acceptance");
                Files.createDirectories(base);
                dir = Files.createTempDirectory(base, "run-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            platform = Platform.start(Platform.Config.ephemeral(dir), line -> System.out.println("[platform] " + line));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
        }
        return platform;
    }

    static Tokens tokens() {
        return Tokens.of(get().keycloak());
    }
}
