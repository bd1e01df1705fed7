package io.jixiao.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Postgres;
import io.jixiao.local.infra.Service;
import io.jixiao.local.province.ProvinceLoader;
import io.jixiao.local.province.SyntheticProvince;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Replicas (issue 16): a second instance of assessment-service and of report-service joins the consumer groups of the
 * first, a provincial feeder pushes a few thousand unit-years in batches, and the second instances are killed (no
 * goodbye to the group) in the middle of the work. Every unit-year must end scored once for its latest budget, in both
 * read models; nothing lost, nothing doubled: no unit-year's score has a version published twice with different
 * contents.
 *
 * <p>About 90 s alone: report-service works out a report's content when asked unless a version of it was submitted,
 * so it keeps up with the scores.
 */
class ReplicasIT {

    /** Years no other test uses, so the other tests' rankings stay theirs. */
    private static final List<Integer> YEARS = List.of(2019, 2020);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoInstancesShareThePartitionsAndWhatAKilledOneLeavesIsTakenOverWithNothingLostOrDoubled() throws Exception {
        Platform platform = RunningPlatform.get();
        String gateway = platform.gatewayUrl();
        var tokens = RunningPlatform.tokens();
        long began = System.nanoTime();
        var starting = java.util.concurrent.CompletableFuture.supplyAsync(() -> platform.startInstance(Service.REPORT));
        Platform.Instance assessment2 = platform.startInstance(Service.ASSESSMENT);
        Platform.Instance report2 = starting.join();
        phase("second instances ready", began);

        // the partitions of each topic are spread over both instances of each service
        try (Admin admin = admin(platform)) {
            for (String group : List.of("assessment-service", "report-service")) {
                Awaitility.await(group + " spread over two instances").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> membersWithPartitionsOf(admin, group, "budget.snapshots") == 2);
            }
        }

        SyntheticProvince province = new SyntheticProvince(2000, 16, Fixtures.folder("xz-wxb-2024").getParent(),
                YEARS, "RP-");
        ProvinceLoader loader = new ProvinceLoader(gateway, tokens, 4);
        loader.register(province, province.units());
        phase("units registered", began);
        List<SyntheticProvince.Document> prior = budgets(province, YEARS.get(0));
        List<SyntheticProvince.Document> current = budgets(province, YEARS.get(1));
        loader.push(prior, 200);
        phase("prior year pushed", began);

        // in the middle of the work: some of it scored, the rest not yet pushed
        Awaitility.await("a first part scored").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> scored(platform) >= prior.size() / 5);
        assessment2.process().kill();
        report2.process().kill();
        assertTrue(scored(platform) < province.unitYears(), "killed in the middle of the work");
        phase("second instances killed with " + scored(platform) + " unit-years scored", began);

        loader.push(current, 200);
        // a second version of every tenth budget of the prior year: the newest must win
        List<SyntheticProvince.Document> second = new ArrayList<>();
        for (int i = 0; i < prior.size(); i += 10) {
            SyntheticProvince.Document d = prior.get(i);
            second.add(new SyntheticProvince.Document("budget", d.unitCode(), d.fiscalYear(),
                    SyntheticProvince.scaled(d.body(), 2)));
        }
        loader.push(second, 200);
        phase("current year and second versions pushed", began);

        Map<String, Long> budgetVersions = versions(platform, "budget",
                "select unit_code || ':' || fiscal_year, version from unit_year_document where kind = 'budget'"
                        + " and unit_code like 'RP-%'");
        assertEquals(province.unitYears(), budgetVersions.size(), "every budget stored");
        assertEquals(second.size(), budgetVersions.values().stream().filter(v -> v == 2L).count());

        // every unit-year scored for its latest budget, in assessment-service and in report-service
        Awaitility.await("every unit-year scored for its latest budget").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals("", differences(budgetVersions, versions(platform, "assessment",
                        "select unit_code || ':' || fiscal_year, (result -> 'basis' ->> 'budget')::bigint"
                                + " from unit_score where unit_code like 'RP-%'")), "scores resting on other budgets"));
        phase("all scored", began);
        Map<String, Long> scoreVersions = versions(platform, "assessment",
                "select unit_code || ':' || fiscal_year, version from unit_score where unit_code like 'RP-%'");
        // report-service assembles each unit-year's report in turn (4,000 and more here): minutes on a slow machine
        Awaitility.await("report-service holds the latest budget and score of every unit-year")
                .atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertEquals("", differences(budgetVersions, upstream(platform, "budget")), "budgets held");
                    assertEquals("", differences(scoreVersions, upstream(platform, "scores")), "scores held");
                });

        phase("report-service caught up", began);
        // nothing doubled: each version of a unit-year's score was published with one content only
        Map<String, Set<String>> eventsOfVersion = new HashMap<>();
        for (ConsumerRecord<String, String> r : KafkaTopics.read(platform.kafka().bootstrapServers(),
                "assessment.scores")) {
            if (r.key() != null && r.key().startsWith("RP-")) {
                JsonNode event = JSON.readTree(r.value());
                eventsOfVersion.computeIfAbsent(r.key() + " v" + event.path("version").asLong(), k -> new HashSet<>())
                        .add(event.path("eventId").asText());
            }
        }
        Map<String, Set<String>> doubled = new TreeMap<>();
        eventsOfVersion.forEach((k, ids) -> {
            if (ids.size() > 1) {
                doubled.put(k, ids);
            }
        });
        assertTrue(doubled.isEmpty(), "score versions published twice: " + doubled);
        Set<String> published = new HashSet<>();
        eventsOfVersion.keySet().forEach(k -> published.add(k.substring(0, k.indexOf(' '))));
        assertEquals(budgetVersions.keySet(), published, "every unit-year's score was published");
        System.out.println("[replicas] " + province.unitYears() + " unit-years, " + (prior.size() + current.size()
                + second.size()) + " budgets pushed, " + loader.retries() + " batches sent again for units on their "
                + "way; scored once each for the latest budget in both read models");
    }

    /**
     * What {@code actual} holds otherwise than {@code expected}, in a few words: how many unit-years differ and the
     * first of them, expected version against held ("" when none differ), so a wait that runs out names what is
     * missing rather than "condition not met".
     */
    static String differences(Map<String, Long> expected, Map<String, Long> actual) {
        Map<String, String> differ = new TreeMap<>();
        expected.forEach((k, v) -> {
            if (!v.equals(actual.get(k))) {
                differ.put(k, "v" + v + " expected, " + (actual.containsKey(k) ? "v" + actual.get(k) : "none") + " held");
            }
        });
        actual.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> differ.put(k, "not expected"));
        if (differ.isEmpty()) {
            return "";
        }
        return differ.size() + " of " + expected.size() + " unit-years differ, e.g. "
                + differ.entrySet().stream().limit(5).map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    private static void phase(String what, long began) {
        System.out.printf("[replicas] %5.1f s  %s%n", (System.nanoTime() - began) / 1e9, what);
    }

    private static List<SyntheticProvince.Document> budgets(SyntheticProvince province, int year) {
        List<SyntheticProvince.Document> budgets = new ArrayList<>();
        for (SyntheticProvince.Unit unit : province.units()) {
            budgets.add(province.documents(unit, year).get(0));
        }
        return budgets;
    }

    private static Admin admin(Platform platform) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
        return Admin.create(p);
    }

    /** How many members of the group hold partitions of the topic. */
    private static long membersWithPartitionsOf(Admin admin, String group, String topic) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                .get(10, TimeUnit.SECONDS).get(group);
        long members = 0;
        for (MemberDescription m : description.members()) {
            if (m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic))) {
                members++;
            }
        }
        return members;
    }

    private static long scored(Platform platform) throws SQLException {
        return versions(platform, "assessment", "select unit_code, version from unit_score where unit_code like 'RP-%'")
                .size();
    }

    private static Map<String, Long> upstream(Platform platform, String kind) throws SQLException {
        return versions(platform, "report", "select unit_code || ':' || fiscal_year, version from upstream_snapshot"
                + " where kind = '" + kind + "' and unit_code like 'RP-%'");
    }

    private static Map<String, Long> versions(Platform platform, String database, String query) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl(database), Postgres.USER,
                Postgres.PASSWORD); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getLong(2));
            }
        }
        return versions;
    }
}
