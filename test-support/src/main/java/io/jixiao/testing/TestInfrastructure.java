package io.jixiao.testing;

import io.jixiao.local.infra.KafkaBroker;
import io.jixiao.local.infra.KeycloakServer;
import io.jixiao.local.infra.SharedKeycloak;
import io.jixiao.local.infra.Ports;
import io.jixiao.local.infra.Postgres;
import io.jixiao.local.infra.Tokens;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Real PostgreSQL, Kafka and Keycloak for one test JVM: PostgreSQL and Kafka are started on first use, on free ports
 * with throw-away data, and stopped when the JVM exits; Keycloak is the build's {@link SharedKeycloak}.
 * {@link #startInBackground} starts them side by side while Quarkus builds the application under test.
 */
public final class TestInfrastructure {

    private static Path dir;
    private static CompletableFuture<Postgres> postgres;
    private static CompletableFuture<KafkaBroker> kafka;
    private static CompletableFuture<KeycloakServer> keycloak;

    private TestInfrastructure() {
    }

    /** Starts what a test will ask for, each server on a thread of its own; the accessors wait for it. */
    public static void startInBackground(boolean withPostgres, boolean withKafka) {
        if (withPostgres) {
            postgresStart();
        }
        if (withKafka) {
            kafkaStart();
        }
        keycloakStart();
    }

    public static Postgres postgres() {
        return ready(postgresStart());
    }

    public static KafkaBroker kafka() {
        return ready(kafkaStart());
    }

    public static KeycloakServer keycloak() {
        return ready(keycloakStart());
    }

    public static Tokens tokens() {
        return Tokens.of(keycloak());
    }

    private static synchronized CompletableFuture<Postgres> postgresStart() {
        if (postgres == null) {
            Path data = dir().resolve("postgres");
            postgres = inBackground("postgres",
                    () -> Postgres.start(data, Ports.free(), false, Postgres.Durability.FAST));
        }
        return postgres;
    }

    private static synchronized CompletableFuture<KafkaBroker> kafkaStart() {
        if (kafka == null) {
            Path data = dir().resolve("kafka");
            Path log = dir().resolve("kafka.log");
            kafka = inBackground("kafka", () -> KafkaBroker.start(data, Ports.free(), Ports.free(), log));
        }
        return kafka;
    }

    private static synchronized CompletableFuture<KeycloakServer> keycloakStart() {
        if (keycloak == null) {
            // one for all the build's test JVMs: no test changes the realm
            keycloak = inBackground("keycloak", SharedKeycloak::acquire);
        }
        return keycloak;
    }

    private static <T> CompletableFuture<T> inBackground(String name, Supplier<T> start) {
        return CompletableFuture.supplyAsync(start, task -> {
            Thread thread = new Thread(task, "jixiao-test-infra-" + name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The started server, or the reason it did not start. */
    private static <T> T ready(CompletableFuture<T> start) {
        try {
            return start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
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
        for (CompletableFuture<? extends AutoCloseable> server : Arrays.asList(keycloak, kafka, postgres)) {
            if (server != null) {
                quietly(() -> {
                    try {
                        ready(server).close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
        try {
            WorkDirs.deleteTree(dir);
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
