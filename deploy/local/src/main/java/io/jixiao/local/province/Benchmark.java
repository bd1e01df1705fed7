package io.jixiao.local.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.local.infra.ManagedProcess;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Postgres;
import io.jixiao.local.infra.Tokens;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The province benchmark (README "Benchmarks", issue 16): {@code ./bench.sh [unit-years]} (default 50,000). Uses the
 * platform {@code ./run.sh} runs if one answers on its ports, else starts one as {@code ./run.sh} does on throw-away
 * data; generates a {@link SyntheticProvince}, registers its units, pushes everything through the gateway as the
 * province's feeder, and measures: ingest against a raw batched INSERT of the same rows, push → score at a steady
 * rate, a framework's full rescore, the finance ranking under twenty reviewers, a report's rendering, and the
 * services' memory. Prints one line per metric and records them in {@code docs/benchmarks.md}.
 */
public final class Benchmark {

    static final long SEED = 2026;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final int unitYears;
    private final BenchmarkReport report;
    private String gateway;
    private Tokens tokens;
    private String kafka;
    private String jdbcBase;
    private Platform platform;

    private Benchmark(int unitYears) {
        this.unitYears = unitYears;
        this.report = new BenchmarkReport(unitYears);
    }

    public static void main(String[] args) throws Exception {
        int unitYears = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 50_000;
        if (unitYears < 100) {
            throw new IllegalArgumentException("at least 100 unit-years");
        }
        new Benchmark(unitYears).run();
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        connect();
        try (RssSampler rss = new RssSampler().start()) {
            SyntheticProvince province = new SyntheticProvince(unitYears, SEED, WorkDirs.root().resolve("deploy/fixtures"));
            int documents = province.unitYears() * 3;
            say("province: " + province.units().size() + " units × " + province.years().size() + " years = "
                    + province.unitYears() + " unit-years, " + documents + " documents ("
                    + province.units().stream().filter(SyntheticProvince.Unit::contradictory).count()
                    + " units with contradictions)");

            ProvinceLoader loader = new ProvinceLoader(gateway, tokens, 4);
            long t = System.nanoTime();
            loader.register(province, province.units());
            say("registered " + province.units().size() + " units in " + seconds(t) + " s");

            double raw = rawInsert(province);
            t = System.nanoTime();
            loader.push(province, 500);
            double ingest = documents / secondsExact(t);
            report.add("ingest_docs_per_s", ingest, "docs/s");
            report.add("raw_insert_docs_per_s", raw, "docs/s");
            report.add("ingest_ratio", ingest / raw, "");
            long settle = System.nanoTime();
            awaitConsumed(Duration.ofMinutes(30));
            say("every document taken in and scored " + seconds(settle) + " s after the last answer ("
                    + loader.retries() + " batches sent again while units were on their way, " + loader.throttled()
                    + " requests after the gateway's rate limit)");

            try {
                pushToScore(province, loader);
                awaitConsumed(Duration.ofMinutes(30)); // the next steps measure a platform with nothing else to do
                ranking();
                reportRender(province);
                fullRescore(province); // last: what it leaves to do after every score (reports) is not waited for
            } finally {
                // what was measured is recorded even when a later step fails
                report.add("rss_max_mb", rss.maxMb().values().stream().mapToLong(Long::longValue).max().orElse(0),
                        "MB");
                say("largest RSS per service instance: " + rss.maxMb());
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
            if (!report.metrics().isEmpty()) { // a failing step still leaves the figures measured before it
                report.print(System.out::println);
                report.record(WorkDirs.root().resolve("docs/benchmarks.md"), seconds(began));
                say("recorded in docs/benchmarks.md (" + seconds(began) + " s in all)");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the platform

    private void connect() throws IOException {
        if (ManagedProcess.answers200("http://localhost:8080/q/health/ready")) {
            Platform.Config local = Platform.Config.local();
            say("using the platform running on this machine (./run.sh)");
            gateway = "http://localhost:8080";
            tokens = new Tokens("http://localhost:" + local.keycloakPort() + "/realms/jixiao/protocol/openid-connect/token");
            kafka = "localhost:" + local.kafkaPort();
            jdbcBase = "jdbc:postgresql://localhost:" + local.postgresPort() + "/";
            return;
        }
        Path dir = WorkDirs.work().resolve("benchmark");
        if (Files.exists(dir)) {
            WorkDirs.deleteTree(dir);
        }
        say("starting the platform as ./run.sh does, on throw-away data in " + dir);
        platform = Platform.start(Platform.Config.throwAway(dir), Benchmark::say);
        Platform started = platform;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-stop")); // Ctrl-C stops it too
        gateway = platform.gatewayUrl();
        tokens = Tokens.of(platform.keycloak());
        kafka = platform.kafka().bootstrapServers();
        jdbcBase = platform.postgres().jdbcUrl("budget").replaceAll("/budget(\\?.*)?$", "/");
    }

    private Connection database(String name) throws SQLException {
        return DriverManager.getConnection(jdbcBase + name + "?reWriteBatchedInserts=true", Postgres.USER,
                Postgres.PASSWORD);
    }

    // ------------------------------------------------------------------------------------------------ ingest

    /** The same documents, inserted raw into the same PostgreSQL in batches of 500 over four connections. */
    private double rawInsert(SyntheticProvince province) throws Exception {
        try (Connection c = database("budget"); Statement s = c.createStatement()) {
            s.execute("drop table if exists benchmark_raw_insert");
            s.execute("create table benchmark_raw_insert (kind text, unit_code text, fiscal_year int, body jsonb,"
                    + " primary key (kind, unit_code, fiscal_year))");
        }
        var batches = province.batches(List.of("staff", "assets", "budget"), 500);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t = System.nanoTime();
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(pool.submit(() -> {
                    try (Connection c = database("budget")) {
                        c.setAutoCommit(false);
                        try (PreparedStatement insert = c.prepareStatement("insert into benchmark_raw_insert"
                                + " values (?, ?, ?, cast(? as jsonb))")) {
                            for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                                for (SyntheticProvince.Document d : batches.get(b).get()) {
                                    insert.setString(1, d.kind());
                                    insert.setString(2, d.unitCode());
                                    insert.setInt(3, d.fiscalYear());
                                    insert.setString(4, d.body().toString());
                                    insert.addBatch();
                                }
                                insert.executeBatch();
                                c.commit();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double rate = province.unitYears() * 3 / secondsExact(t);
        try (Connection c = database("budget"); Statement s = c.createStatement()) {
            s.execute("drop table benchmark_raw_insert");
        }
        return rate;
    }

    /**
     * Waits until assessment-service and report-service have taken in everything on their topics and worked off
     * their queues, and every outbox is sent.
     */
    private void awaitConsumed(Duration timeout) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        try (Admin admin = Admin.create(p)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            int quiet = 0;
            int polls = 0;
            while (quiet < 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the consumers did not catch up within " + timeout);
                }
                Map<String, Long> behind = new java.util.TreeMap<>();
                lag(admin, "assessment-service", behind);
                lag(admin, "report-service", behind);
                behind.put("outbox", outboxPending());
                behind.put("assessment pending_work", count("assessment", "select count(*) from pending_work"));
                behind.put("report pending_work", count("report", "select count(*) from pending_work"));
                behind.values().removeIf(v -> v == 0);
                quiet = behind.isEmpty() ? quiet + 1 : 0;
                if (!behind.isEmpty() && (++polls % 40) == 0) {
                    say("still behind: " + behind);
                }
                Thread.sleep(500);
            }
        }
    }

    /** Adds each partition's lag behind its end for the consumer group, as "group topic-partition". */
    private static void lag(Admin admin, String group, Map<String, Long> behind) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        committed.keySet().stream().filter(tp -> !tp.topic().contains(".dlq."))
                .forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(10, TimeUnit.SECONDS);
        for (var e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            behind.put(group + " " + e.getKey(), Math.max(0, e.getValue().offset() - (c == null ? 0 : c.offset())));
        }
    }

    private long outboxPending() throws SQLException {
        long pending = 0;
        for (String db : List.of("budget", "personnel", "assessment")) {
            pending += count(db, "select count(*) from outbox_event where published_at is null");
        }
        return pending;
    }

    private long count(String db, String query) throws SQLException {
        try (Connection c = database(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ push → score

    /**
     * Single pushes at a steady 200 a second for ten seconds while nothing else runs, each a new version of another
     * unit-year's budget: from the moment it is due until its score is published. The pushes are sent on schedule
     * whether or not the earlier ones were answered (an open loop, as a province's systems push): a platform that
     * cannot keep up shows it in the latencies instead of slowing the sender down. A score not seen within two minutes
     * after the last push counts as infinitely late.
     */
    private void pushToScore(SyntheticProvince province, ProvinceLoader loader) throws Exception {
        int rate = 200;
        int count = rate * 10;
        int year = province.years().get(province.years().size() - 1);
        List<SyntheticProvince.Unit> units = province.units();
        List<long[]> sent = Collections.synchronizedList(new ArrayList<>()); // {push, version, due}
        List<String> keys = new ArrayList<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            keys.add(units.get(i % units.size()).code() + ":" + year);
        }
        try (ScoreWatcher watcher = new ScoreWatcher(kafka)) {
            // enough threads for every push in flight at once (the sender never waits for the platform)
            ExecutorService senders = Executors.newFixedThreadPool(Math.min(count, 400));
            long start = System.nanoTime();
            long period = 1_000_000_000L / rate;
            for (int i = 0; i < count; i++) {
                long due = start + i * period;
                long early = due - System.nanoTime();
                if (early > 0) {
                    TimeUnit.NANOSECONDS.sleep(early);
                }
                int push = i;
                senders.execute(() -> {
                    SyntheticProvince.Unit unit = units.get(push % units.size());
                    SyntheticProvince.Document original = province.documents(unit, year).get(0);
                    SyntheticProvince.Document changed = new SyntheticProvince.Document("budget", unit.code(), year,
                            SyntheticProvince.scaled(original.body(), 2 + push / units.size()));
                    try {
                        long version = JSON.readTree(loader.pushOne(changed)).path("version").asLong();
                        sent.add(new long[] {push, version, due});
                    } catch (RuntimeException | IOException e) {
                        failures.add(e.getMessage());
                    }
                });
            }
            double achieved = count / secondsExact(start);
            senders.shutdown();
            senders.awaitTermination(5, TimeUnit.MINUTES);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            List<Long> latencies = new ArrayList<>();
            while (true) {
                latencies.clear();
                for (long[] s : List.copyOf(sent)) {
                    Long seen = watcher.seen(keys.get((int) s[0]), s[1]);
                    latencies.add(seen == null ? Long.MAX_VALUE : Math.max(0, (seen - s[2]) / 1_000_000));
                }
                if (!latencies.contains(Long.MAX_VALUE) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(200);
            }
            long unseen = latencies.stream().filter(l -> l == Long.MAX_VALUE).count();
            failures.forEach(f -> latencies.add(Long.MAX_VALUE)); // a push that failed never gets its score
            Collections.sort(latencies);
            say("push → score: " + count + " pushes sent at " + Math.round(achieved) + "/s, " + (sent.size() - unseen)
                    + " scores seen" + (unseen == 0 ? "" : ", " + unseen + " not within two minutes")
                    + (failures.isEmpty() ? "" : ", " + failures.size() + " pushes failed: " + failures.get(0)));
            report.add("push_to_score_p50_ms", percentile(latencies, 50), "ms");
            report.add("push_to_score_p99_ms", percentile(latencies, 99), "ms");
        }
    }

    // ------------------------------------------------------------------------------------------------ rescore

    /** From loading a new version of the framework until every unit-year has its score under it. */
    private void fullRescore(SyntheticProvince province) throws Exception {
        String admin = tokens.user("admin");
        JsonNode frameworks = JSON.readTree(get("/api/assessment/frameworks", admin));
        int version = 0;
        for (JsonNode f : frameworks) {
            if ("mof-2013-common".equals(f.path("id").asText())) {
                version = Math.max(version, f.path("version").asInt());
            }
        }
        int next = version + 1;
        String yaml = Files.readString(WorkDirs.root()
                .resolve("assessment-service/src/main/resources/frameworks/mof-2013-common.yaml"))
                .replaceFirst("(?m)^version: *\\d+", "version: " + next);
        long t = System.nanoTime();
        HttpResponse<String> loaded = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/assessment/frameworks"))
                .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/yaml").PUT(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (loaded.statusCode() != 200) {
            throw new IllegalStateException("loading the framework answered " + loaded.statusCode() + ": "
                    + loaded.body());
        }
        String query = "select count(*) from unit_score where framework_version = " + next
                + " and unit_code like 'MN-%'";
        while (count("assessment", query) < province.unitYears()) {
            Thread.sleep(200);
        }
        report.add("full_rescore_s", secondsExact(t), "s");
    }

    // ------------------------------------------------------------------------------------------------ ranking

    /**
     * Twenty reviewers at once, each with a login of their own ({@code reviewer-01} … {@code reviewer-20} of the demo
     * realm), each asking forty rankings over all unit-years: filters and indicator sorts.
     */
    private void ranking() throws Exception {
        String finance = tokens.user("finance");
        List<String> queries = List.of("", "&level=县级", "&grade=良", "&indicator=2.1.1", "&indicator=3.1.2",
                "&completeness=COMPLETE", "&region=" + java.net.URLEncoder.encode(SyntheticProvince.REGION,
                        java.nio.charset.StandardCharsets.UTF_8) + "&level=市级&indicator=1.2.1", "&page=20",
                "&grade=优&indicator=2.2.3");
        for (String q : queries) {
            get("/api/assessment/rankings?fiscalYear=2024" + q, finance); // warm-up, and every query answers 200
        }
        ExecutorService reviewers = Executors.newFixedThreadPool(20);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            int reviewer = r;
            String login = tokens.user("reviewer-%02d".formatted(r + 1));
            done.add(reviewers.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    String q = queries.get((reviewer + i) % queries.size());
                    long t = System.nanoTime();
                    get("/api/assessment/rankings?fiscalYear=2024" + q, login);
                    latencies.add((System.nanoTime() - t) / 1_000_000);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        reviewers.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        report.add("ranking_p50_ms", percentile(sorted, 50), "ms");
        report.add("ranking_p99_ms", percentile(sorted, 99), "ms");
    }

    // ------------------------------------------------------------------------------------------------ report

    /** One unit's report as HTML and as PDF (the median of five after a first), through the gateway. */
    private void reportRender(SyntheticProvince province) throws Exception {
        String finance = tokens.user("finance");
        String path = "/api/reports/units/" + province.units().get(0).code() + "/years/2024?format=";
        List<Long> html = new ArrayList<>();
        List<Long> pdf = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long t = System.nanoTime();
            get(path + "html", finance);
            long h = (System.nanoTime() - t) / 1_000_000;
            t = System.nanoTime();
            get(path + "pdf", finance);
            long p = (System.nanoTime() - t) / 1_000_000;
            if (i > 0) {
                html.add(h);
                pdf.add(p);
            }
        }
        Collections.sort(html);
        Collections.sort(pdf);
        report.add("report_render_ms", html.get(2) + pdf.get(2), "ms");
        say("report: HTML " + html.get(2) + " ms, PDF " + pdf.get(2) + " ms (medians)");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String get(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    /** The p-th percentile of sorted values ({@link Long#MAX_VALUE}: never, printed as infinity). */
    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        long value = sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        return value == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : value;
    }

    private static long seconds(long since) {
        return Math.round(secondsExact(since));
    }

    private static double secondsExact(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void say(String line) {
        System.out.println("[benchmark] " + line);
        System.out.flush();
    }
}
