package io.jixiao.local.infra;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * One Keycloak for every test JVM of a build in this clone: the services' modules and the acceptance platform take
 * tokens from the same realm, which none of them changes, and a Keycloak start costs some 25 seconds of CPU on two
 * cores (it was the largest single item of the test command's CPU after Maven itself, started six times).
 *
 * <p>The first JVM to ask starts it in {@code .work/test-keycloak/}, with a {@link KeycloakReaper} beside it, and
 * writes its port and process id to {@code server.properties}; the next ones find it there. Each JVM holds a shared
 * lock on {@code lease.lock} from then until it exits (the operating system lets go of it however the JVM ends); the
 * reaper stops Keycloak once nobody has held a lease for {@link #IDLE_GRACE} (longer than the pause between one
 * module's tests and the next one's), at once when nobody holds one and the Maven run that forked the first JVM has
 * ended, and also if the directory disappears (a removed clone). {@code state.lock} keeps a
 * JVM attaching and the reaper stopping apart.
 */
public final class SharedKeycloak {

    /** How long Keycloak outlives its last user: long enough for Maven to reach the next module's tests. */
    static final Duration IDLE_GRACE = Duration.ofSeconds(60);
    private static final String SERVER_FILE = KeycloakReaper.SERVER_FILE;
    private static final String LEASE_FILE = KeycloakReaper.LEASE_FILE;
    private static final String STATE_FILE = KeycloakReaper.STATE_FILE;

    /** This JVM's lease, held (shared) until it exits. */
    private static FileChannel lease;

    private SharedKeycloak() {
    }

    /** The running shared server with the project's realm ({@link Tokens#DEMO_REALM}), started first if there is none. */
    public static KeycloakServer acquire() {
        return acquire(WorkDirs.root().resolve(Tokens.DEMO_REALM), Duration.ofMinutes(5));
    }

    /** The running shared server with {@code realmFile}'s realm, started first if there is none. */
    public static synchronized KeycloakServer acquire(Path realmFile, Duration timeout) {
        try {
            Path dir = WorkDirs.work().resolve("test-keycloak");
            Files.createDirectories(dir);
            String realm = KeycloakServer.realmHash(realmFile);
            try (FileChannel state = FileChannel.open(dir.resolve(STATE_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock stateLock = state.lock()) {
                if (lease == null) {
                    lease = FileChannel.open(dir.resolve(LEASE_FILE), StandardOpenOption.CREATE,
                            StandardOpenOption.READ, StandardOpenOption.WRITE);
                    lease.lock(0, Long.MAX_VALUE, true);
                }
                Properties running = KeycloakReaper.read(dir.resolve(SERVER_FILE));
                if (running != null && realm.equals(running.getProperty("realm"))) {
                    int port = Integer.parseInt(running.getProperty("port"));
                    long pid = Long.parseLong(running.getProperty("pid"));
                    boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                    KeycloakServer server = KeycloakServer.attach(port);
                    if (alive && ManagedProcess.answers200(server.issuer() + "/.well-known/openid-configuration")) {
                        return server;
                    }
                }
                Path data = Files.createTempDirectory(dir, "data-");
                KeycloakServer started = KeycloakServer.start(data.resolve("keycloak"), Ports.free(), realmFile,
                        data.resolve("keycloak.log"), timeout);
                Properties server = new Properties();
                server.setProperty("port", Integer.toString(started.port()));
                server.setProperty("pid", Long.toString(started.pid()));
                server.setProperty("realm", realm);
                server.setProperty("data", data.toString());
                write(dir.resolve(SERVER_FILE), server);
                startReaper(dir, started.pid(), data);
                return KeycloakServer.attach(started.port());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void startReaper(Path dir, long pid, Path data) throws IOException {
        Path classes;
        try {
            classes = Path.of(KeycloakReaper.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        new ProcessBuilder(List.of(java, "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                classes.toString(), KeycloakReaper.class.getName(), dir.toString(), Long.toString(pid),
                data.toString(), Long.toString(IDLE_GRACE.toMillis()),
                // the build: Maven, which forked this test JVM (once it has ended, nobody is coming back)
                Long.toString(ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L))))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("reaper.log").toFile()))
                .start();
    }

    private static void write(Path file, Properties p) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(next)) {
            p.store(out, "the build's shared Keycloak (io.jixiao.local.infra.SharedKeycloak)");
        }
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
