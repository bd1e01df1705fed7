package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.tree;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The read model of the other services' snapshots: applied by version per unit-year whatever the order and repeats,
 * poison records moved to the dead-letter topic with the reason while consumption goes on.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReadModelTest {

    private static UnitSnapshot unit(String code) {
        return new UnitSnapshot(code, "单位 " + code, "西藏自治区", "自治区本级", null, true, List.of(), null,
                UnitSnapshot.Bodies.none(), UnitSnapshot.Bodies.none(), null);
    }

    private static BudgetSnapshot budget(String code, String allocatedYuan) {
        BudgetDocument seed = SeedFixture.budgetDocument();
        BudgetDocument.Revenue r = seed.revenue();
        BudgetDocument doc = new BudgetDocument(new BudgetDocument.Revenue(new BigDecimal(allocatedYuan),
                r.initialAllocation(), r.initialAllocationBySource(), r.carryover(), r.midYearAdditions(),
                r.yearEndRecoveries()), seed.expenditure(), seed.threePublicExpenses(), null, List.of(), List.of(),
                null, null);
        return new BudgetSnapshot(code, 2024, doc, null, List.of());
    }

    private static JsonNode report(String code) {
        return tree(given().auth().oauth2(user("finance")).queryParam("format", "json").get(path(code, 2024))
                .then().statusCode(200).extract().asString());
    }

    private static String allocated(JsonNode report) {
        for (JsonNode f : report.get("figures")) {
            if (f.get("key").asText().equals("budget.revenue.allocatedTotal")) {
                return f.get("printed").asText();
            }
        }
        return null;
    }

    private static long budgetVersion(JsonNode report) {
        for (JsonNode s : report.get("sources")) {
            if (s.get("kind").asText().equals("budget")) {
                return s.get("version").asLong();
            }
        }
        return 0;
    }

    @Test
    void theNewestVersionWinsWhateverTheOrderAndRepeatsAndEachSnapshotKeepsItsEvent() {
        ReportApi.publishUnit(unit("XZ-RM"), 1);
        ReportApi.publishUnit(unit("XZ-RM-MARK"), 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(user("finance"))
                .get("/api/reports/known-units/XZ-RM-MARK").statusCode() == 200);

        ReportApi.publishBudget(budget("XZ-RM", "200000000.00"), 2);
        ReportApi.publishBudget(budget("XZ-RM", "100000000.00"), 1);
        ReportApi.publishBudget(budget("XZ-RM", "300000000.00"), 2);
        ReportApi.publishBudget(budget("XZ-RM-MARK", "1.00"), 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> budgetVersion(report("XZ-RM-MARK")) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> budgetVersion(report("XZ-RM")) == 2);
        JsonNode held = report("XZ-RM");
        assertEquals("20000万元", allocated(held), "version 2 as first received; the older v1 and the repeated v2 "
                + "changed nothing");
        for (JsonNode s : held.get("sources")) {
            if (s.get("kind").asText().equals("budget")) {
                assertEquals("xz-wxb-finance-system", s.get("system").asText());
                assertTrue(s.get("eventId").asText().matches("[0-9a-f-]{36}"));
            }
        }

        ReportApi.publishBudget(budget("XZ-RM", "400000000.00"), 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> "40000万元".equals(allocated(report("XZ-RM"))));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() {
        ReportApi.publishUnit(unit("XZ-POI"), 1);
        KafkaTopics.send(Topics.BUDGET, "XZ-POI:2024", "this is not JSON");
        TestEvents.publish(Topics.BUDGET, new EventEnvelope<>(UUID.randomUUID(), BudgetSnapshot.TYPE, "XZ-OTHER:2024",
                1, Instant.now(), "budget-service", "x", budget("XZ-POI", "1.00")));
        KafkaTopics.send(Topics.SCORES, "XZ-POI:2024", "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"budget.snapshot\",\"key\":\"XZ-POI:2024\",\"version\":1,"
                + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"payload\":{}}");
        ReportApi.publishBudget(budget("XZ-POI", "5000000.00"), 1);

        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(user("finance"))
                .get("/api/reports/known-units/XZ-POI").statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "500万元".equals(allocated(report("XZ-POI"))));

        var budgetDead = KafkaTopics.readAll("budget.snapshots.dlq.report-service", Duration.ofSeconds(2));
        assertTrue(budgetDead.stream().anyMatch(r -> "XZ-POI:2024".equals(r.key())
                && KafkaTopics.header(r, "dead-letter-reason").contains("not a budget.snapshot event")));
        assertTrue(budgetDead.stream().anyMatch(r -> "XZ-OTHER:2024".equals(r.key())
                && KafkaTopics.header(r, "dead-letter-reason").contains("does not match")));
        var scoresDead = KafkaTopics.readAll("assessment.scores.dlq.report-service", Duration.ofSeconds(2));
        assertTrue(scoresDead.stream().anyMatch(r -> "XZ-POI:2024".equals(r.key())
                && KafkaTopics.header(r, "dead-letter-reason").contains("expected event type score.snapshot")));
    }
}
