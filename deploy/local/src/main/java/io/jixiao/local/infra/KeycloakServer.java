package io.jixiao.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak server from {@code org.keycloak:keycloak-quarkus-dist}, unpacked by {@code deploy/runtime},
 * in {@code start-dev} mode with the project's realm imported. Its database (H2 file) lives in a data directory
 * of the caller's choosing; when the realm file changes, that data is wiped so the new realm is imported.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "jixiao";

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
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            resetIfRealmChanged(dataDir, realmFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://localhost:" + port;
        List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port,
                "--hostname=" + url,
                "--import-realm",
                "--db-url=jdbc:h2:file:" + dataDir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE");
        Map<String, String> env = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                // demo only: the master realm's console login; production sets its own through the environment
                "KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "kcadmin");
        ManagedProcess process = new ManagedProcess("keycloak", command, env, home, logFile).start();
        KeycloakServer server = new KeycloakServer(port, process);
        process.awaitReady(() -> ManagedProcess.answers200(server.issuer() + "/.well-known/openid-configuration"),
                timeout);
        return server;
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

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }

    private static void resetIfRealmChanged(Path dataDir, Path realmFile) throws IOException {
        String hash = sha256(Files.readAllBytes(realmFile));
        Path marker = dataDir.resolve("realm.sha256");
        if (Files.exists(marker) && Files.readString(marker).trim().equals(hash)) {
            return;
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dataDir);
        Files.writeString(marker, hash);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
