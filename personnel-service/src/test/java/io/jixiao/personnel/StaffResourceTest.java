package io.jixiao.personnel;

import static io.jixiao.personnel.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.events.Topics;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff per unit-year against real PostgreSQL, Kafka and Keycloak: versions, findings, events, the audit trail,
 * idempotency keys and who may read or write which unit.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class StaffResourceTest {

    @BeforeEach
    void units() {
        Api.ensureUnit("XZ-WXB");
        Api.ensureUnit("XZ-TJJ");
    }

    private static List<JsonNode> events(String topic, String key) {
        List<JsonNode> events = new ArrayList<>();
        for (var r : KafkaTopics.readAll(topic, Duration.ofSeconds(2))) {
            if (key.equals(r.key())) {
                events.add(Api.tree(r.value()));
            }
        }
        return events;
    }

    @Test
    void everyAcceptedChangeIsPublishedOnceWithItsFindingsAndAuditedWithWhoAndWhichClient() {
        String path = Api.staffPath("XZ-WXB", 2001);
        ObjectNode staff = Api.seedStaff(2001);
        given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).body(Api.write(staff))
                .when().put(path)
                .then().statusCode(200).body("version", equalTo(1)).body("changed", equalTo(true))
                .body("unitCode", equalTo("XZ-WXB")).body("fiscalYear", equalTo(2001))
                // no contradiction; the seed states no 编制, so the over-establishment checks could not be made
                .body("findings.ruleId", contains("STAFF-UNCHECKED"));
        // the same figures again, from another system of the unit: nothing changes, nothing is published
        given().auth().oauth2(token("client:xz-wxb-finance-system")).contentType(ContentType.JSON)
                .body(Api.write(staff)).when().put(path)
                .then().statusCode(200).body("version", equalTo(1)).body("changed", equalTo(false));
        // one more person in service than the categories, the movements and the stated change explain
        staff.put("totalInService", 382);
        given().auth().oauth2(token("client:xz-wxb-finance-system")).contentType(ContentType.JSON)
                .header("X-Request-Id", "req-staff-2001-v2").body(Api.write(staff)).when().put(path)
                .then().statusCode(200).body("version", equalTo(2)).body("changed", equalTo(true))
                .body("findings.ruleId", contains("STAFF-CATEGORIES-TOTAL", "STAFF-MOVEMENTS-BALANCE",
                        "STAFF-STATED-CHANGE", "STAFF-UNCHECKED"))
                .body("findings.severity", contains("ERROR", "ERROR", "ERROR", "INFO"))
                .body("findings[0].expected", equalTo(381)).body("findings[0].stated", equalTo(382))
                .body("findings[0].difference", equalTo(1))
                .body("findings[2].expected", equalTo(-26)).body("findings[2].stated", equalTo(-27))
                .body("findings[2].difference", equalTo(-1));

        given().auth().oauth2(token("finance")).when().get(path)
                .then().statusCode(200).body("version", equalTo(2)).body("document.totalInService", equalTo(382))
                .body("updatedBy", equalTo("service-account-xz-wxb-finance-system"))
                .body("source", equalTo("xz-wxb-finance-system")).body("requestId", equalTo("req-staff-2001-v2"))
                .body("findings.size()", equalTo(4));
        given().auth().oauth2(token("reporter")).when().get(path + "/findings")
                .then().statusCode(200).body("ruleId", hasItem("STAFF-MOVEMENTS-BALANCE"));

        // the audit trail: who, from which client, old and new values
        given().auth().oauth2(token("reporter")).when().get(path + "/history")
                .then().statusCode(200).body("size()", equalTo(2))
                .body("[0].version", equalTo(1)).body("[0].changedBy", equalTo("reporter"))
                .body("[0].source", equalTo("jixiao-cli"))
                .body("[1].version", equalTo(2))
                .body("[1].changedBy", equalTo("service-account-xz-wxb-finance-system"))
                .body("[1].source", equalTo("xz-wxb-finance-system"))
                .body("[1].requestId", equalTo("req-staff-2001-v2"))
                .body("[1].changes.size()", equalTo(1))
                .body("[1].changes[0].path", equalTo("totalInService"))
                .body("[1].changes[0].oldValue", equalTo(381)).body("[1].changes[0].newValue", equalTo(382))
                .body("[1].findings.size()", equalTo(4));

        // two accepted changes, two events (none for the repeat), each with the whole state and its findings
        KafkaTopics.awaitRecord(Topics.PERSONNEL, r -> "XZ-WXB:2001".equals(r.key())
                && r.value().contains("\"version\":2"), Duration.ofSeconds(30));
        List<JsonNode> events = events(Topics.PERSONNEL, "XZ-WXB:2001");
        assertEquals(2, events.size(), () -> "events: " + events);
        assertEquals(List.of(1L, 2L), events.stream().map(e -> e.get("version").longValue()).toList());
        JsonNode second = events.get(1);
        assertEquals("personnel.snapshot", second.get("type").asText());
        assertEquals("xz-wxb-finance-system", second.get("source").asText());
        assertEquals("service-account-xz-wxb-finance-system", second.get("actor").asText());
        assertEquals(382, second.get("payload").get("staff").get("totalInService").intValue());
        assertEquals(2001, second.get("payload").get("fiscalYear").intValue());
        List<String> rules = new ArrayList<>();
        second.get("payload").get("findings").forEach(f -> rules.add(f.get("ruleId").asText()));
        assertEquals(List.of("STAFF-CATEGORIES-TOTAL", "STAFF-MOVEMENTS-BALANCE", "STAFF-STATED-CHANGE",
                "STAFF-UNCHECKED"), rules);
        assertEquals(1, events.get(0).get("payload").get("findings").size());
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstAnswerAndRefusesADifferentBody() {
        String path = Api.staffPath("XZ-WXB", 2002);
        String first = Api.write(Api.seedStaff(2002));
        String other = Api.write(Api.seedStaff(2002).put("onPayroll", 380));
        String client = token("client:xz-wxb-finance-system");
        String answer = given().auth().oauth2(client).contentType(ContentType.JSON).header("Idempotency-Key", "k-2002")
                .body(first).when().put(path).then().statusCode(200).body("version", equalTo(1)).extract().asString();
        // another push without a key makes version 2
        given().auth().oauth2(client).contentType(ContentType.JSON).body(other).when().put(path)
                .then().statusCode(200).body("version", equalTo(2));
        // the keyed request repeated (e.g. a retry after a timeout) answers as the first time and stores nothing:
        // without the key, the first body again would have made version 3
        String repeat = given().auth().oauth2(client).contentType(ContentType.JSON).header("Idempotency-Key", "k-2002")
                .body(first).when().put(path).then().statusCode(200).extract().asString();
        assertEquals(Api.tree(answer), Api.tree(repeat));
        given().auth().oauth2(client).when().get(path).then().statusCode(200).body("version", equalTo(2))
                .body("document.onPayroll", equalTo(380));
        // the same key with a different body is refused
        given().auth().oauth2(client).contentType(ContentType.JSON).header("Idempotency-Key", "k-2002")
                .body(Api.write(Api.seedStaff(2002).put("onPayroll", 379))).when().put(path)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("Idempotency-Key"));
        given().auth().oauth2(client).when().get(path + "/history").then().statusCode(200).body("size()", equalTo(2));
        assertEquals(2, events(Topics.PERSONNEL, "XZ-WXB:2002").size());
    }

    @Test
    void onlyTheUnitsOwnReporterOrSystemWritesAndFinanceReadsEverything() {
        String path = Api.staffPath("XZ-WXB", 2003);
        String body = Api.write(Api.seedStaff(2003));
        String tjjPath = Api.staffPath("XZ-TJJ", 2003);
        // the wrong unit's people and systems, finance and the administrator cannot write
        for (String who : List.of("reporter-tjj", "client:xz-tjj-finance-system", "finance", "admin", "nounit",
                "client:nounit-system", "approver")) {
            given().auth().oauth2(token(who)).contentType(ContentType.JSON).body(body).when().put(path)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).body(body).when().put(tjjPath)
                .then().statusCode(403).contentType("application/problem+json");
        // a foreign caller learns nothing about a unit that does not exist either
        given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).body(body)
                .when().put(Api.staffPath("XZ-NOPE", 2003)).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).when().put(path).then().statusCode(401);
        given().auth().oauth2(token("finance")).when().get(path).then().statusCode(404)
                .contentType("application/problem+json");

        // the unit's clerk (reporter only) may write
        given().auth().oauth2(token("clerk")).contentType(ContentType.JSON).body(body).when().put(path)
                .then().statusCode(200).body("version", equalTo(1));
        for (String who : List.of("finance", "admin", "reporter", "approver", "client:xz-wxb-finance-system")) {
            given().auth().oauth2(token(who)).when().get(path).then().statusCode(200)
                    .body("document.totalInService", equalTo(381));
        }
        for (String who : List.of("reporter-tjj", "client:xz-tjj-finance-system", "nounit")) {
            given().auth().oauth2(token(who)).when().get(path).then().statusCode(403);
            given().auth().oauth2(token(who)).when().get(path + "/history").then().statusCode(403);
            given().auth().oauth2(token(who)).when().get("/api/personnel/units/XZ-WXB/years/2003/findings")
                    .then().statusCode(403);
        }
        given().when().get(path).then().statusCode(401);
        given().when().get(path + "/history").then().statusCode(401);
        // nothing but the clerk's push was stored
        given().auth().oauth2(token("finance")).when().get(path + "/history").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].changedBy", equalTo("clerk"));
        given().auth().oauth2(token("finance")).when().get(tjjPath).then().statusCode(404);
    }

    @Test
    void theUnitYearFindingsBringStaffAndAssetsTogether() {
        String client = token("client:xz-wxb-finance-system");
        String findings = "/api/personnel/units/XZ-WXB/years/2004/findings";
        given().auth().oauth2(client).when().get(findings).then().statusCode(200)
                .body("staffVersion", equalTo(null)).body("assetsVersion", equalTo(null))
                .body("findings.size()", equalTo(0));
        given().auth().oauth2(client).contentType(ContentType.JSON)
                .body(Api.write(Api.seedStaff(2004).put("statedChange", -30)))
                .when().put(Api.staffPath("XZ-WXB", 2004)).then().statusCode(200);
        ObjectNode assets = Api.seedAssets(2004);
        ((ObjectNode) assets.get("fixedAssets")).put("idle", new java.math.BigDecimal("5000000.00"));
        given().auth().oauth2(client).contentType(ContentType.JSON).body(Api.write(assets))
                .when().put(Api.assetsPath("XZ-WXB", 2004)).then().statusCode(200);
        given().auth().oauth2(token("finance")).when().get(findings).then().statusCode(200)
                .body("staffVersion", equalTo(1)).body("assetsVersion", equalTo(1))
                .body("errors", equalTo(2)).body("warnings", equalTo(0))
                .body("findings.ruleId", contains("STAFF-STATED-CHANGE", "STAFF-UNCHECKED", "ASSET-FIXED-STATES"))
                .body("findings.figures.flatten().path", hasItems("statedChange", "fixedAssets.idle"));
        given().auth().oauth2(token("finance")).when().get("/api/personnel/units/XZ-NOPE/years/2004/findings")
                .then().statusCode(404).body("type", equalTo("urn:jixiao:problem:unknown-unit"));
    }
}
