package io.jixiao.local.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared Keycloak's reaper, run as the build runs it (a process of its own), watching a stand-in for Keycloak: it
 * stops the server once the build is over and no JVM holds a lease, not while one does, and when its directory goes.
 */
class KeycloakReaperTest {

    @TempDir
    Path dir;

    @Test
    void stopsTheServerOnceTheBuildIsOverAndTheLastLeaseIsGoneAndRemovesItsData() throws Exception {
        Process server = sleeper();
        Process build = sleeper();
        Path data = Files.createDirectories(dir.resolve("data-1"));
        Files.writeString(dir.resolve(KeycloakReaper.SERVER_FILE), "pid=" + server.pid() + "\n");
        try (FileChannel lease = FileChannel.open(dir.resolve(KeycloakReaper.LEASE_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock held = lease.lock(0, Long.MAX_VALUE, true);
            Process reaper = reaper(server, data, build);
            build.destroy();
            build.waitFor();
            // the build is over, but a JVM still holds its lease: the reaper leaves the server alone
            assertFalse(server.waitFor(5, TimeUnit.SECONDS), "stopped while a lease was held");
            held.release();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server outlived its last lease and its build");
            assertTrue(reaper.waitFor(30, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(data), "its data stays behind");
        assertFalse(Files.exists(dir.resolve(KeycloakReaper.SERVER_FILE)), "the next JVM would look for it");
    }

    @Test
    void stopsTheServerWhenItsDirectoryIsRemovedWithTheClone() throws Exception {
        Process server = sleeper();
        Process build = sleeper();
        Path data = Files.createDirectories(dir.resolve("data-2"));
        Files.createFile(dir.resolve(KeycloakReaper.LEASE_FILE));
        try (FileChannel lease = FileChannel.open(dir.resolve(KeycloakReaper.LEASE_FILE), StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock held = lease.lock(0, Long.MAX_VALUE, true)) {
            Process reaper = reaper(server, data, build);
            WorkDirs.deleteTree(dir);
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server outlived its clone");
            assertTrue(reaper.waitFor(30, TimeUnit.SECONDS));
        } finally {
            build.destroy();
        }
    }

    private static Process sleeper() throws IOException {
        return new ProcessBuilder("sleep", "600").start();
    }

    private Process reaper(Process server, Path data, Process build) throws Exception {
        Path classes = Path.of(KeycloakReaper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes.toString(), KeycloakReaper.class.getName(), dir.toString(), Long.toString(server.pid()),
                data.toString(), "600000", Long.toString(build.pid())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
