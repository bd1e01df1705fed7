package io.jixiao.acceptance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.ManagedProcess;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Ports;
import io.jixiao.local.infra.Postgres;
import io.jixiao.local.infra.Service;
import io.jixiao.local.infra.Tokens;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged means stored (issue 11): budget pushes are answered 200, PostgreSQL is killed with SIGKILL right after
 * the last acknowledgement and started again on the same data; every acknowledged version must be there, and so must
 * its outbox row, which the service's relay then publishes to Kafka.
 *
 * <p>The shared platform's PostgreSQL is throw-away and tuned for speed, so this test runs its own server with the
 * local run's settings ({@link Platform.Config#local()}: persistent and durable) on a temporary directory, and its own
 * budget-service (from the packaged jar, configured like every service) on that server and the shared platform's
 * Kafka and Keycloak. The unit XZ-DUR is this test's own; its reporter is {@code reporter-dur}. Its fiscal years are
 * not 2024, which the other tests rank and summarize.
 *
 * <p>The pushes go in rounds: in each, every unit-year gets a new figure at the same time, from its own thread, so
 * the last round's acknowledgements all come within milliseconds of the crash. With the throw-away servers' settings
 * instead ({@link Postgres.Durability#FAST}: all three off; zonky's defaults, which the local run had before, turn off
 * {@code fsync} and {@code synchronous_commit}) this test fails: in each of ten crashes 1 to 6 acknowledged versions
 * were lost (a commit is acknowledged before its WAL is written; the WAL writer may take up to three times
 * {@code wal_writer_delay}, 600 ms, to write it). With the local run's settings none was lost.
 */
class DurabilityIT {

    private static final String UNIT = "XZ-DUR";
    private static final List<Integer> YEARS = List.of(2019, 2020, 2021, 2022, 2023);
    private static final int VERSIONS = 10;
    private static final String TOPIC = "budget.snapshots";
    /** The seed budget's 总支出 in yuan: each push carries this plus a number of its own. */
    private static final BigDecimal BASE_TOTAL = new BigDecimal("187586000.00");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A push the service answered 200: the unit-year, the version it made and the figure it carried. */
    private record Ack(int year, long version, BigDecimal total, long nanoTime) {
    }

    private static Platform platform;
    private static Tokens tokens;
    private static Path dir;
    private static Postgres postgres;
    private static ManagedProcess budgetService;
    private static String budgetUrl;
    private static ObjectNode budget;

    @BeforeAll
    static void start() throws Exception {
        platform = RunningPlatform.get();
        tokens = RunningPlatform.tokens();
        budget = (ObjectNode) JSON.readTree(Files.readString(Fixtures.folder("xz-wxb-2024").resolve("budget.json")));
        HttpResponse<String> unit = Http.send("PUT", platform.gatewayUrl() + "/api/personnel/units/" + UNIT,
                tokens.user("admin"), "application/json",
                "{\"name\":\"持久性测试单位\",\"region\":\"西藏自治区\",\"level\":\"自治区本级\"}");
        assertEquals(200, unit.statusCode(), unit.body());

        Path base = WorkDirs.work().resolve("acceptance");
        Files.createDirectories(base);
        dir = Files.createTempDirectory(base, "durability-");
        // exactly what the README's run gets, on a directory and port of its own
        Platform.Config local = Platform.Config.local();
        postgres = Postgres.start(dir.resolve("postgres"), Ports.free(), local.persistent(),
                local.postgresDurability());
        postgres.ensureDatabase(Service.BUDGET.database());

        int port = Ports.free();
        budgetUrl = "http://localhost:" + port;
        Map<String, String> env = new HashMap<>(Platform.environment(Service.BUDGET, port,
                platform.kafka().bootstrapServers(), platform.keycloak().url(),
                postgres.jdbcUrl(Service.BUDGET.database()), Map.of()));
        // a consumer group and dead-letter topic of its own: it must take no partition of units.snapshots from the
        // shared platform's budget-service, and it reads the units register from the beginning
        env.put("MP_MESSAGING_INCOMING_UNITS_GROUP_ID", "durability-it-budget-service");
        env.put("MP_MESSAGING_INCOMING_UNITS_DEAD_LETTER_QUEUE_TOPIC", "units.snapshots.dlq.durability-it");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(platform.config().serviceJavaOpts().trim().split("\\s+")));
        command.addAll(List.of("-jar", WorkDirs.root().resolve(Service.BUDGET.module())
                .resolve("target/quarkus-app/quarkus-run.jar").toString()));
        budgetService = new ManagedProcess("budget-service (durability)", command, env,
                WorkDirs.root().resolve(Service.BUDGET.module()), dir.resolve("logs/budget-service.log")).start();
        budgetService.awaitReady(() -> ManagedProcess.answers200(budgetUrl + "/q/health/ready"),
                Duration.ofMinutes(3));
        String reporter = tokens.user("reporter-dur");
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.send("GET",
                budgetUrl + "/api/budget/known-units/" + UNIT, reporter, null, null).statusCode() == 200);
    }

    @AfterAll
    static void stop() throws IOException {
        if (budgetService != null) {
            budgetService.stop(Duration.ofSeconds(20));
        }
        if (postgres != null) {
            postgres.close();
            // persistent like the local run's, so the data is this test's to delete; the logs stay
            WorkDirs.deleteTree(dir.resolve("postgres"));
        }
    }

    @Test
    void everyAcknowledgedVersionSurvivesAPostgresCrashAndReachesKafka() throws Exception {
        List<Ack> acks = pushInRounds(tokens.user("reporter-dur"));
        long crashAt = System.nanoTime();
        postgres.crash(); // nothing in between: a commit acknowledged before its WAL is written would be lost now
        long lastAck = acks.stream().mapToLong(Ack::nanoTime).max().orElseThrow();
        System.out.printf("[durability] %d pushes acknowledged; PostgreSQL SIGKILLed %.1f ms after the last"
                + " acknowledgement, gone %.1f ms later%n", acks.size(), (crashAt - lastAck) / 1e6,
                (System.nanoTime() - crashAt) / 1e6);
        assertEquals(YEARS.size() * VERSIONS, acks.size(), "every push was acknowledged before the crash");
        postgres.startAfterCrash();

        // (a) every acknowledged version is stored, with the figure it was acknowledged for
        List<String> lost = new ArrayList<>();
        for (int year : YEARS) {
            Map<Long, BigDecimal> stored = storedVersions(year);
            for (Ack ack : acks) {
                if (ack.year() == year && !matches(stored.get(ack.version()), ack.total())) {
                    lost.add(UNIT + ":" + year + " v" + ack.version() + " (" + ack.total() + ") stored as "
                            + stored.get(ack.version()));
                }
            }
        }
        assertTrue(lost.isEmpty(), lost.size() + " acknowledged versions lost in the crash: " + lost);

        // (b) and so is its outbox row; the relay publishes what was still pending once the service reconnects
        Map<String, Map<Long, BigDecimal>> outbox = outboxRows(false);
        long pending = outbox.values().stream().mapToLong(Map::size).sum() - outboxRows(true).values().stream()
                .mapToLong(Map::size).sum();
        System.out.printf("[durability] after the restart %d of the unit's outbox rows were still unpublished%n",
                pending);
        assertAllAcknowledged(acks, outbox, "an outbox row");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> outboxRows(true).equals(outboxRows(false)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertAllAcknowledged(acks, published(), "a record on " + TOPIC));
        String reader = tokens.user("reporter-dur");
        for (int year : YEARS) {
            long last = acks.stream().filter(a -> a.year() == year).mapToLong(Ack::version).max().orElseThrow();
            String url = budgetUrl + "/api/budget/units/" + UNIT + "/years/" + year + "/budget";
            // a request may still meet a connection the crash cut (503), then the pool replaces it
            HttpResponse<String> held = await().atMost(Duration.ofSeconds(30))
                    .until(() -> Http.send("GET", url, reader, null, null), r -> r.statusCode() == 200);
            assertEquals(last, JSON.readTree(held.body()).path("version").asLong(),
                    "the service serves the last acknowledged version of " + year);
        }

        // (c) because the server runs with the local run's durable settings, also after the crash
        assertEquals("on", postgres.setting("fsync"));
        assertEquals("on", postgres.setting("synchronous_commit"));
        assertEquals("on", postgres.setting("full_page_writes"));
    }

    /**
     * {@value #VERSIONS} rounds; in each, every unit-year gets a new figure from its own thread at the same time.
     * Returns the acknowledged pushes; the last round's answers are the last thing before the crash.
     */
    private static List<Ack> pushInRounds(String token) throws Exception {
        List<Ack> acks = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(YEARS.size());
        try {
            for (int round = 1; round <= VERSIONS; round++) {
                List<Callable<Ack>> pushes = new ArrayList<>();
                for (int year : YEARS) {
                    BigDecimal total = BASE_TOTAL.add(BigDecimal.valueOf(year * 100L + round));
                    pushes.add(() -> push(token, year, total));
                }
                for (Future<Ack> push : threads.invokeAll(pushes)) {
                    acks.add(push.get());
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return acks;
    }

    private static Ack push(String token, int year, BigDecimal total) throws Exception {
        ObjectNode document = budget.deepCopy();
        ((ObjectNode) document.get("expenditure")).put("total", total);
        HttpResponse<String> response = Http.send("PUT", budgetUrl + "/api/budget/units/" + UNIT + "/years/" + year
                + "/budget", token, "application/json", document.toString());
        long answered = System.nanoTime();
        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = JSON.readTree(response.body());
        assertTrue(result.path("changed").asBoolean(), "a new figure makes a new version");
        return new Ack(year, result.path("version").asLong(), total, answered);
    }

    /** The versions of a unit-year in the service's own database: version → 总支出. */
    private static Map<Long, BigDecimal> storedVersions(int year) throws SQLException {
        Map<Long, BigDecimal> versions = new HashMap<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement("select version,"
                + " body #>> '{expenditure,total}' from unit_year_document_history"
                + " where kind = 'budget' and unit_code = ? and fiscal_year = ?")) {
            q.setString(1, UNIT);
            q.setInt(2, year);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getLong(1), new BigDecimal(rs.getString(2)));
                }
            }
        }
        return versions;
    }

    /** The unit's budget events in the outbox (only those published, if asked): unit-year key → version → 总支出. */
    private static Map<String, Map<Long, BigDecimal>> outboxRows(boolean publishedOnly) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement("select payload from outbox_event"
                + " where topic = ? and event_key like ?" + (publishedOnly ? " and published_at is not null" : ""))) {
            q.setString(1, TOPIC);
            q.setString(2, UNIT + ":%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        }
        return events(payloads);
    }

    /** The unit's budget events on Kafka, read from the beginning: unit-year key → version → 总支出. */
    private static Map<String, Map<Long, BigDecimal>> published() throws Exception {
        List<String> values = KafkaTopics.read(platform.kafka().bootstrapServers(), TOPIC).stream()
                .filter(r -> r.key() != null && r.key().startsWith(UNIT + ":")).map(ConsumerRecord::value).toList();
        return events(values);
    }

    private static Map<String, Map<Long, BigDecimal>> events(List<String> envelopes) throws IOException {
        Map<String, Map<Long, BigDecimal>> events = new HashMap<>();
        for (String value : envelopes) {
            JsonNode event = JSON.readTree(value);
            events.computeIfAbsent(event.get("key").asText(), k -> new HashMap<>())
                    .put(event.get("version").asLong(), event.at("/payload/budget/expenditure/total").decimalValue());
        }
        return events;
    }

    private static void assertAllAcknowledged(List<Ack> acks, Map<String, Map<Long, BigDecimal>> events,
            String what) {
        List<String> missing = new ArrayList<>();
        for (Ack ack : acks) {
            String key = UNIT + ":" + ack.year();
            if (!matches(events.getOrDefault(key, Map.of()).get(ack.version()), ack.total())) {
                missing.add(key + " v" + ack.version());
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " acknowledged versions without " + what + ": " + missing);
    }

    private static boolean matches(BigDecimal stored, BigDecimal acknowledged) {
        return stored != null && stored.compareTo(acknowledged) == 0;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(Service.BUDGET.database()), Postgres.USER,
                Postgres.PASSWORD);
    }
}
