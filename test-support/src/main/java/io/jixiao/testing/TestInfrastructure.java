package io.jixiao.testing;

import io.jixiao.local.infra.KafkaBroker;
import io.jixiao.local.infra.KeycloakServer;
import io.jixiao.local.infra.Ports;
import io.jixiao.local.infra.Postgres;
import io.jixiao.local.infra.Tokens;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Real PostgreSQL, Kafka and Keycloak for one test JVM: each is started on first use, on free ports with
 * throw-away data, and stopped when the JVM exits. Keycloak in particular starts once per JVM, never per class.
 */
public final class TestInfrastructure {

    private static Path dir;
    private static Postgres postgres;
    private static KafkaBroker kafka;
    private static KeycloakServer keycloak;

    private TestInfrastructure() {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = Postgres.start(dir().resolve("postgres"), Ports.free(), false, Postgres.Durability.FAST);
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(dir().resolve("kafka"), Ports.free(), Ports.free(), dir().resolve("kafka.log"));
        }
        return kafka;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakServer.start(dir().resolve("keycloak"), Ports.free(),
                    WorkDirs.root().resolve("deploy/keycloak/jixiao-realm.json"), dir().resolve("keycloak.log"),
                    Duration.ofMinutes(5));
        }
        return keycloak;
    }

    public static Tokens tokens() {
        return Tokens.of(keycloak());
    }

    private static synchronized Path dir() {
        if (dir == null) {
            try {
                Path base = WorkDirs.work().resolve("test-runs");
                Files.createDirectories(base);
                dir = Files.createTempDirectory(base, "run-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "jixiao-test-infra-stop"));
        }
        return dir;
    }

    private static synchronized void stopAll() {
        if (keycloak != null) {
            quietly(keycloak::close);
        }
        if (kafka != null) {
            quietly(kafka::close);
        }
        if (postgres != null) {
            quietly(postgres::close);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // leftovers of a test run under .work/test-runs are harmless
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("while stopping test infrastructure: " + e);
        }
    }
}
