package io.jixiao.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.local.infra.WorkDirs;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A well-formed fact that cannot be scored yet is never dead-lettered nor lost: it is stored, its unit-year carries a
 * visible status (no framework for its region and year; unit not yet known), and it is scored as soon as a framework
 * or the unit arrives.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "assessment"))
class UnscoredFactsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBudgetOfAYearNoFrameworkCoversIsKeptAndScoredOnceOneIsLoaded() throws Exception {
        TestEvents.publishUnit("XZ-DAG", "自治区档案馆", 1);
        publishBudget("XZ-DAG", 2011, 1);
        String path = "/api/assessment/units/XZ-DAG/years/2011/score";

        JsonNode held = awaitStatus(path, "NO_FRAMEWORK");
        assertTrue(held.at("/score/statusReason").asText().contains("西藏自治区2011年度尚无适用的指标体系"),
                held.toString());
        assertTrue(held.at("/score/total").isNull() && held.at("/score/framework").isNull(), held.toString());
        assertEquals(1, held.at("/score/basis/budget").asLong(), "what it will be scored on is known");
        assertEquals(1, count("select count(*) from fact_snapshot where unit_code = 'XZ-DAG' and fiscal_year = 2011"),
                "the fact is stored");
        KafkaTopics.awaitRecord(Topics.SCORES, r -> "XZ-DAG:2011".equals(r.key()) && r.value().contains("NO_FRAMEWORK"),
                Duration.ofSeconds(30));
        assertTrue(KafkaTopics.readAll("budget.snapshots.dlq.assessment-service", Duration.ofSeconds(2)).stream()
                .noneMatch(r -> "XZ-DAG:2011".equals(r.key())), "nothing dead-lettered");
        given().auth().oauth2(user("finance")).get("/api/assessment/rankings?fiscalYear=2011").then().statusCode(200)
                .body("totalCount", equalTo(0));
        // a statement names a framework's indicators: without one it cannot be checked, and says why
        TestEvents.publishUnit("XZ-WXB", "自治区党委网信办", 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(user("finance"))
                .get("/api/assessment/known-units/XZ-WXB").statusCode() == 200);
        given().auth().oauth2(user("reporter")).contentType(ContentType.JSON).body("{}")
                .put("/api/assessment/units/XZ-WXB/years/2011/evaluation").then().statusCode(409)
                .body("type", equalTo("urn:jixiao:problem:no-framework"))
                .body("detail", containsString("2011年度尚无适用的指标体系"));

        // an administrator loads a framework for those years: the held fact is scored
        String yaml = new String(getClass().getClassLoader().getResourceAsStream("frameworks/mof-2013-common.yaml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("id: mof-2013-common", "id: test-2010-2012")
                .replace("fromYear: 2013", "fromYear: 2010").replace("toYear: 2100", "toYear: 2012");
        given().auth().oauth2(user("admin")).contentType("application/yaml")
                .body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/api/assessment/frameworks").then().statusCode(200).body("loaded", equalTo(true));
        held = awaitStatus(path, "INCOMPLETE"); // scored, on the budget alone
        assertEquals("test-2010-2012", held.at("/score/framework/id").asText());
        assertTrue(held.at("/score/total").isNumber(), held.toString());
        assertTrue(held.at("/score/statusReason").isNull());
        given().auth().oauth2(user("finance")).get("/api/assessment/rankings?fiscalYear=2011").then().statusCode(200)
                .body("totalCount", equalTo(1)).body("items[0].unitCode", equalTo("XZ-DAG"));
    }

    @Test
    void factsOfAUnitNotYetKnownAreKeptAndScoredWhenTheUnitArrives() throws Exception {
        publishBudget("XZ-LATE", 2024, 1);
        String path = "/api/assessment/units/XZ-LATE/years/2024/score";
        JsonNode held = awaitStatus(path, "UNIT_UNKNOWN");
        assertTrue(held.at("/score/statusReason").asText().contains("XZ-LATE"), held.toString());
        assertEquals(1, count("select count(*) from fact_snapshot where unit_code = 'XZ-LATE'"));

        TestEvents.publishUnit("XZ-LATE", "自治区迟到单位", 1);
        held = awaitStatus(path, "INCOMPLETE"); // scored, on the budget alone
        assertTrue(held.at("/score/total").isNumber(), held.toString());
        assertEquals(1, held.at("/score/basis/budget").asLong());
    }

    private static JsonNode awaitStatus(String path, String status) {
        JsonNode[] held = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = given().auth().oauth2(user("finance")).get(path);
            if (response.statusCode() != 200) {
                return false;
            }
            held[0] = JSON.readTree(response.asString());
            return status.equals(held[0].at("/score/status").asText());
        });
        return held[0];
    }

    private long count(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void publishBudget(String unit, int year, long version) throws IOException {
        BudgetDocument budget = JSON.readValue(Files.readString(WorkDirs.root()
                .resolve("deploy/fixtures/xz-wxb-2024/budget.json")), BudgetDocument.class);
        TestEvents.publish(Topics.BUDGET, new EventEnvelope<>(UUID.randomUUID(), BudgetSnapshot.TYPE,
                unit + ":" + year, version, Instant.now(), "test-finance-system", "service-account",
                new BudgetSnapshot(unit, year, budget, null, List.of())));
    }

    private static String user(String name) {
        return TestInfrastructure.tokens().user(name);
    }
}
