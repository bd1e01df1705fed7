package io.jixiao.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The real Keycloak server from {@code org.keycloak:keycloak-quarkus-dist}, unpacked by {@code deploy/runtime},
 * in {@code start-dev} mode with the project's realm imported. Its database (H2 file) lives in a data directory
 * of the caller's choosing; when the realm file changes, that data is wiped so the new realm is imported.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "jixiao";
    private static final String DATABASE_FILE = "keycloakdb.mv.db";

    private final int port;
    private final ManagedProcess process;

    private KeycloakServer(int port, ManagedProcess process) {
        this.port = port;
        this.process = process;
    }

    public static KeycloakServer start(Path dataDir, int port, Path realmFile, Path logFile, Duration timeout) {
        Ports.requireFree(port, "Keycloak");
        Path home = WorkDirs.runtime("keycloak-" + VERSION);
        try {
            placeRealm(home, realmFile);
            String realm = resetIfRealmChanged(dataDir, realmFile);
            if (!Files.exists(dataDir.resolve(DATABASE_FILE))) {
                Files.copy(template(home, realm, port, logFile, timeout).resolve(DATABASE_FILE),
                        dataDir.resolve(DATABASE_FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeycloakServer server = launch(home, dataDir, port, logFile, timeout);
        try {
            KeycloakCache.keepBuild(home, VERSION);
        } catch (IOException e) {
            System.err.println("[keycloak] could not keep its build in " + WorkDirs.cache() + ": " + e);
        }
        return server;
    }

    private static KeycloakServer launch(Path home, Path dataDir, int port, Path logFile, Duration timeout) {
        String url = "http://localhost:" + port;
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                "--hostname=" + url,
                "--import-realm",
                "--db-url=jdbc:h2:file:" + dataDir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                // servers of one home side by side (the build's test JVMs): each keeps its transaction log with its data
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 -Dquarkus.transaction-manager.object-store.directory="
                        + dataDir.resolve("transaction-logs"),
                // demo only: the master realm's console login; production sets its own through the environment
                "KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin");
        ManagedProcess process = new ManagedProcess("keycloak", command, env, home, logFile).start();
        KeycloakServer server = new KeycloakServer(port, process);
        process.awaitReady(() -> ManagedProcess.answers200(server.issuer() + "/.well-known/openid-configuration"),
                timeout);
        return server;
    }

    /**
     * A database holding the realm just imported and nothing else, kept in {@code .work/} per Keycloak version and
     * realm file. A new data directory starts as a copy of it: creating the schema and importing the realm is most
     * of a first start (about 13 of 22 seconds on 2 cores), and every test JVM starts with a new data directory.
     * Made once per machine, by starting Keycloak on an empty directory and stopping it, and kept with the
     * distribution's build in {@link KeycloakCache} for the next clone; a lock keeps concurrent builds apart.
     */
    private static Path template(Path home, String realm, int port, Path logFile, Duration timeout)
            throws IOException {
        Path work = WorkDirs.work();
        Path template = work.resolve("keycloak-" + VERSION + "-realm-" + realm.substring(0, 16));
        try (FileChannel lockFile = FileChannel.open(work.resolve("keycloak-template.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (Files.exists(template.resolve(DATABASE_FILE))) {
                return template;
            }
            Path making = Files.createTempDirectory(work, "keycloak-template-");
            boolean built = KeycloakCache.restoreBuild(home, VERSION);
            var kept = KeycloakCache.template(VERSION, realm, DATABASE_FILE);
            if (built && kept.isPresent()) {
                Files.copy(kept.get(), making.resolve(DATABASE_FILE));
            } else {
                launch(home, making, port, logFile.resolveSibling(logFile.getFileName() + ".template"), timeout)
                        .close();
                if (!Files.exists(making.resolve(DATABASE_FILE))
                        || Files.exists(making.resolve("keycloakdb.lock.db"))) {
                    throw new IllegalStateException("Keycloak did not leave a closed database in " + making);
                }
                KeycloakCache.keepBuild(home, VERSION);
                KeycloakCache.keepTemplate(making, VERSION, realm);
            }
            Files.move(making, template, StandardCopyOption.ATOMIC_MOVE);
            return template;
        }
    }

    /** The server's base URL, e.g. {@code http://localhost:8180}. */
    public String url() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer, as services configure it. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    /** The server process's id (the shell script's, whose children the server is), or -1 for one only attached to. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    /**
     * A server another process started and stops, known by its port: {@link #close()} leaves it running (the build's
     * test JVMs share one, see {@link SharedKeycloak}).
     */
    public static KeycloakServer attach(int port) {
        return new KeycloakServer(port, null);
    }

    /** The realm file's SHA-256, which names the realm a server was started with. */
    public static String realmHash(Path realmFile) throws IOException {
        return sha256(Files.readAllBytes(realmFile));
    }

    @Override
    public void close() {
        if (process == null) {
            return; // attached to: its owner stops it
        }
        process.stop(Duration.ofSeconds(30));
    }

    /**
     * The realm file where {@code --import-realm} reads it, replaced in one step and only when it changed: another
     * server of the same home may be starting and reading it.
     */
    private static void placeRealm(Path home, Path realmFile) throws IOException {
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Path placed = imports.resolve(REALM + "-realm.json");
        byte[] realm = Files.readAllBytes(realmFile);
        if (Files.exists(placed) && Arrays.equals(realm, Files.readAllBytes(placed))) {
            return;
        }
        Path next = Files.createTempFile(imports, REALM, ".tmp");
        Files.write(next, realm);
        Files.move(next, placed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Wipes the data when the realm file changed, so it is imported again; answers the realm file's hash. */
    private static String resetIfRealmChanged(Path dataDir, Path realmFile) throws IOException {
        String hash = sha256(Files.readAllBytes(realmFile));
        Path marker = dataDir.resolve("realm.sha256");
        if (Files.exists(marker) && Files.readString(marker).trim().equals(hash)) {
            return hash;
        }
        WorkDirs.deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Files.writeString(marker, hash);
        return hash;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
