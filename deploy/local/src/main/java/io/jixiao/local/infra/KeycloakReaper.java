package io.jixiao.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Stops the build's {@link SharedKeycloak} once no test JVM has held a lease on it for the grace period, at once when
 * no JVM holds one and the build that started it (the process that launched the first test JVM, Maven) has ended, and
 * at once when its directory is gone; then removes its data. Runs as a process of its own with nothing but the JDK on
 * its class path: {@code KeycloakReaper <dir> <keycloak pid> <data dir> <grace ms> <build pid>}.
 */
public final class KeycloakReaper {

    static final String SERVER_FILE = "server.properties";
    static final String LEASE_FILE = "lease.lock";
    static final String STATE_FILE = "state.lock";
    private static final Duration POLL = Duration.ofSeconds(2);

    private KeycloakReaper() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long pid = Long.parseLong(args[1]);
        Path data = Path.of(args[2]);
        Duration grace = Duration.ofMillis(Long.parseLong(args[3]));
        long buildPid = Long.parseLong(args[4]);
        // null: not known; a build named but gone is over
        Optional<ProcessHandle> build = buildPid < 0 ? null : ProcessHandle.of(buildPid);
        ProcessHandle keycloak = ProcessHandle.of(pid).orElse(null);
        try {
            if (keycloak != null) {
                watch(dir, keycloak, grace, build);
            }
        } catch (IOException | RuntimeException e) {
            log("stopping Keycloak " + pid + ": " + e);
        } finally {
            if (keycloak != null) {
                stop(keycloak);
            }
            forget(dir, pid);
            deleteTree(data);
        }
    }

    /**
     * Returns when Keycloak should stop (or has): idle for {@code grace}, or idle once the build is over; throws when
     * the directory is gone.
     */
    private static void watch(Path dir, ProcessHandle keycloak, Duration grace, Optional<ProcessHandle> build)
            throws IOException,
            InterruptedException {
        try (FileChannel lease = FileChannel.open(dir.resolve(LEASE_FILE), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            Instant idleSince = null;
            while (keycloak.isAlive()) {
                Thread.sleep(POLL.toMillis());
                if (!Files.isDirectory(dir)) {
                    throw new IOException(dir + " is gone");
                }
                if (!unleased(lease)) {
                    idleSince = null;
                    continue;
                }
                if (idleSince == null) {
                    idleSince = Instant.now();
                }
                boolean buildOver = build != null && !build.map(ProcessHandle::isAlive).orElse(false);
                if (!buildOver && Duration.between(idleSince, Instant.now()).compareTo(grace) < 0) {
                    continue;
                }
                // nobody may attach while it stops: a JVM attaches holding the state lock
                try (FileChannel state = FileChannel.open(dir.resolve(STATE_FILE), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock stateLock = state.lock()) {
                    if (unleased(lease)) {
                        forget(dir, keycloak.pid());
                        log("no test JVM uses Keycloak " + keycloak.pid() + " any more");
                        return;
                    }
                    idleSince = null;
                }
            }
        }
    }

    private static boolean unleased(FileChannel lease) throws IOException {
        FileLock exclusive = lease.tryLock(0, Long.MAX_VALUE, false);
        if (exclusive == null) {
            return false;
        }
        exclusive.release();
        return true;
    }

    private static void stop(ProcessHandle keycloak) {
        List<ProcessHandle> tree = Stream.concat(keycloak.descendants(), Stream.of(keycloak)).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    /** Removes the server file if it still names this server. */
    private static void forget(Path dir, long pid) {
        try {
            Properties p = read(dir.resolve(SERVER_FILE));
            if (p != null && Long.toString(pid).equals(p.getProperty("pid"))) {
                Files.deleteIfExists(dir.resolve(SERVER_FILE));
            }
        } catch (IOException e) {
            // the directory is gone, and the file with it
        }
    }

    static Properties read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            log("could not remove " + dir + ": " + e);
        }
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}
