package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.tree;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.audit.JsonDiff;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unit's narratives: pushed like any figure, versioned, and refused whole when anything is wrong with them. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class NarrativeResourceTest {

    private static final String NARRATIVES = path(SeedFixture.UNIT, 2022) + "/narratives";
    private static boolean known;

    @BeforeEach
    void unitKnown() {
        if (!known) {
            ReportApi.publishUnit(SeedFixture.unit(), 1);
            String finance = user("finance");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth()
                    .oauth2(finance).get("/api/reports/known-units/" + SeedFixture.UNIT).statusCode() == 200);
            known = true;
        }
    }

    @Test
    void theSeedsNarrativesRoundTripAreVersionedAndAPushOfTheSameTextChangesNothing() {
        String reporter = user("reporter");
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body(SeedFixture.text("narratives.json"))
                .put(NARRATIVES).then().statusCode(200);
        JsonNode held = tree(given().auth().oauth2(reporter).get(NARRATIVES).then().statusCode(200).extract()
                .asString());
        assertEquals(List.of(), JsonDiff.diff(tree(SeedFixture.text("narratives.json")), held.get("narratives")),
                "every section as pushed");
        int version = held.get("version").asInt();
        assertEquals("reporter", held.get("updatedBy").asText());

        given().auth().oauth2(reporter).contentType(ContentType.JSON).body(SeedFixture.text("narratives.json"))
                .put(NARRATIVES).then().statusCode(200).body("version", equalTo(version))
                .body("changed", equalTo(false));

        ObjectNode changed = (ObjectNode) tree(SeedFixture.text("narratives.json"));
        changed.put("annualGoals", "坚持以铸牢中华民族共同体意识为主线。");
        given().auth().oauth2(user("clerk")).contentType(ContentType.JSON)
                .body(changed.toString()).put(NARRATIVES).then().statusCode(200)
                .body("version", equalTo(version + 1)).body("changed", equalTo(true));
        JsonNode history = tree(given().auth().oauth2(user("finance")).get(NARRATIVES + "/history").then()
                .statusCode(200).extract().asString());
        JsonNode last = history.get(history.size() - 1);
        assertEquals("clerk", last.get("changedBy").asText());
        assertEquals("[\"annualGoals\"]", last.get("changedFields").toString());

        // the report prints it
        String html = given().auth().oauth2(reporter).queryParam("format", "html").get(path(SeedFixture.UNIT, 2022))
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("坚持以铸牢中华民族共同体意识为主线。"));
        // no figures arrived for 2022: they show as missing, and the internal version says so as INFO findings
        assertTrue(html.contains("<h4>3.人员情况。</h4>\n<p class=\"missing\">（未填报）</p>"), html);
        assertTrue(html.contains("自评结果为*分"));
        JsonNode json = tree(given().auth().oauth2(reporter).queryParam("format", "json")
                .get(path(SeedFixture.UNIT, 2022)).then().statusCode(200).extract().asString());
        List<String> missingSources = new java.util.ArrayList<>();
        json.get("findings").forEach(f -> {
            if (f.get("ruleId").asText().equals("REPORT-MISSING-SOURCE")) {
                assertEquals("INFO", f.get("severity").asText());
                missingSources.add(f.get("subject").asText());
            }
        });
        assertEquals(List.of("personnel", "assets", "budget", "scores"), missingSources);
    }

    @Test
    void badNarrativesAreRefusedWithAProblemNamingTheFieldAndNothingIsStored() {
        String reporter = user("reporter");
        String path = path(SeedFixture.UNIT, 2021) + "/narratives";
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body(SeedFixture.text("narratives.json"))
                .put(path).then().statusCode(200);
        String before = given().auth().oauth2(reporter).get(path).then().statusCode(200).extract().asString();

        ObjectNode seed = (ObjectNode) tree(SeedFixture.text("narratives.json"));
        refused(path, seed.deepCopy().put("annualGoal", "x"), "annualGoal");
        refused(path, seed.deepCopy().put("performanceGoals", "一是"), "performanceGoals");
        refused(path, seed.deepCopy().put("annualGoals", "长".repeat(10_001)), "annualGoals");
        refused(path, seed.deepCopy().put("addressee", "   "), "addressee");
        refused(path, seed.deepCopy().put("notice", "通知\u0001"), "notice");
        refused(path, seed.deepCopy().put("unitShortName", 42), "unitShortName");
        ObjectNode tooMany = seed.deepCopy();
        ArrayNode goals = tooMany.putArray("problems");
        for (int i = 0; i < 31; i++) {
            goals.add("问题" + i);
        }
        refused(path, tooMany, "problems");
        ObjectNode nullItem = seed.deepCopy();
        nullItem.putArray("improvements").add("措施").addNull();
        refused(path, nullItem, "improvements[1]");

        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"annualGoals\": \"未完")
                .put(path).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:malformed-json"));
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body(seed.toString())
                .put(path(SeedFixture.UNIT, 1999) + "/narratives").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        given().auth().oauth2(user("reporter-kjt")).contentType(ContentType.JSON).body(seed.toString())
                .put(path("XZ-KJT", 2024) + "/narratives").then().statusCode(409).header("Retry-After", "2")
                .body("type", equalTo("urn:jixiao:problem:unit-not-yet-known"));
        given().auth().oauth2(reporter).contentType(ContentType.JSON)
                .body("{\"annualGoals\": \"" + "长".repeat(3_700_000) + "\"}").put(path).then().statusCode(413);
        given().auth().oauth2(user("reporter-tjj")).contentType(ContentType.JSON).body(seed.toString()).put(path)
                .then().statusCode(403);
        given().auth().oauth2(user("finance")).contentType(ContentType.JSON).body(seed.toString()).put(path)
                .then().statusCode(403);

        String after = given().auth().oauth2(reporter).get(path).then().statusCode(200).extract().asString();
        assertEquals(before, after, "nothing was stored");
        assertEquals(1, tree(given().auth().oauth2(reporter).get(path + "/history").then().statusCode(200)
                .extract().asString()).size());
    }

    private static void refused(String path, JsonNode body, String field) {
        given().auth().oauth2(user("reporter")).contentType(ContentType.JSON).body(body.toString()).put(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", startsWith(field));
    }
}
