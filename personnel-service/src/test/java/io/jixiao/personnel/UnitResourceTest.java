package io.jixiao.personnel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.Topics;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The units register against real PostgreSQL, Kafka and Keycloak: tokens come from the real Keycloak, events
 * are read back from the real broker.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class UnitResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String token(String user) {
        return TestInfrastructure.tokens().user(user);
    }

    @Test
    void anAdministratorRegistersAUnitAndEveryChangeIsPublishedOnce() throws Exception {
        String admin = token("admin");
        String body = """
                {"name":"测试一局","region":"西藏自治区","level":"省级","aliases":["测一局"]}""";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().put("/api/personnel/units/XZ-T01")
                .then().statusCode(200).body("version", equalTo(1)).body("updatedBy", equalTo("admin"));
        // the same profile again is idempotent: no new version
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().put("/api/personnel/units/XZ-T01")
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name":"测试一局（更名）","region":"西藏自治区","level":"省级"}""")
                .when().put("/api/personnel/units/XZ-T01")
                .then().statusCode(200).body("version", equalTo(2)).body("aliases.size()", equalTo(0));

        var record = KafkaTopics.awaitRecord(Topics.UNITS,
                r -> "XZ-T01".equals(r.key()) && r.value().contains("\"version\":2"), Duration.ofSeconds(30));
        JsonNode event = JSON.readTree(record.value());
        assertEquals("unit.snapshot", event.get("type").asText());
        assertEquals("测试一局（更名）", event.get("payload").get("name").asText());
        assertEquals("admin", event.get("actor").asText());
        assertEquals("jixiao-cli", event.get("source").asText());

        long published = KafkaTopics.readAll(Topics.UNITS, Duration.ofSeconds(2)).stream()
                .filter(r -> "XZ-T01".equals(r.key())).count();
        assertEquals(2, published, "two changes, two events: the idempotent repeat published nothing");
    }

    @Test
    void aReporterReadsItsOwnUnitOnlyAndCannotRegisterUnits() {
        String admin = token("admin");
        for (String code : new String[] {"XZ-WXB", "XZ-TJJ"}) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"" + code + "\"}")
                    .when().put("/api/personnel/units/" + code).then().statusCode(200);
        }
        String reporter = token("reporter");
        given().auth().oauth2(reporter).when().get("/api/personnel/units/XZ-WXB")
                .then().statusCode(200).body("unitCode", equalTo("XZ-WXB"));
        given().auth().oauth2(reporter).when().get("/api/personnel/units/XZ-TJJ")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().put("/api/personnel/units/XZ-WXB").then().statusCode(403);
        given().auth().oauth2(token("nounit")).when().get("/api/personnel/units/XZ-WXB").then().statusCode(403);
        given().auth().oauth2(token("finance")).when().get("/api/personnel/units")
                .then().statusCode(200).body("unitCode", hasItem("XZ-TJJ"));
    }

    @Test
    void noOrForgedTokenIsUnauthorized() {
        given().when().get("/api/personnel/units/XZ-WXB").then().statusCode(401);
        String forged = token("finance");
        String[] parts = forged.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(tampered).when().get("/api/personnel/units").then().statusCode(401);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndStoresNothing() {
        String admin = token("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"x\",\"colour\":\"red\"}")
                .when().put("/api/personnel/units/XZ-BAD1")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"\"}")
                .when().put("/api/personnel/units/XZ-BAD1")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": [1,2]}")
                .when().put("/api/personnel/units/XZ-BAD1")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"x\"")
                .when().put("/api/personnel/units/XZ-BAD1")
                .then().statusCode(400).body("type", equalTo("urn:jixiao:problem:malformed-json"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .when().put("/api/personnel/units/not a code")
                .then().statusCode(400).body("errors.field", hasItem("unitCode"));
        given().auth().oauth2(admin).when().get("/api/personnel/units/XZ-BAD1")
                .then().statusCode(404).body("type", equalTo("urn:jixiao:problem:unknown-unit"));
    }

    @Test
    void aWithheldCountStaysDistinctFromADisclosedZeroAndTheEventCarriesTheProfile() throws Exception {
        String admin = token("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"name":"测试二局","functions":"负责测试工作。",
                 "internalBodies":{"count":null,"disclosed":false,"names":["办公室","测试处"]},
                 "affiliatedInstitutions":{"count":0,"disclosed":true,"names":[]}}""")
                .when().put("/api/personnel/units/XZ-T02")
                .then().statusCode(200).body("version", equalTo(1))
                .body("functions", equalTo("负责测试工作。"))
                .body("internalBodies.disclosed", equalTo(false))
                .body("internalBodies.count", nullValue())
                .body("internalBodies.names", contains("办公室", "测试处"))
                .body("affiliatedInstitutions.disclosed", equalTo(true))
                .body("affiliatedInstitutions.count", equalTo(0));
        // disclosing the count is a change, published as version 2
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("""
                {"name":"测试二局","functions":"负责测试工作。",
                 "internalBodies":{"count":7,"disclosed":true,"names":["办公室","测试处"]},
                 "affiliatedInstitutions":{"count":0,"disclosed":true,"names":[]}}""")
                .when().put("/api/personnel/units/XZ-T02")
                .then().statusCode(200).body("version", equalTo(2)).body("internalBodies.count", equalTo(7));
        given().auth().oauth2(admin).when().get("/api/personnel/units/XZ-T02")
                .then().statusCode(200).body("internalBodies.count", equalTo(7))
                .body("affiliatedInstitutions.count", equalTo(0));

        var v1 = KafkaTopics.awaitRecord(Topics.UNITS,
                r -> "XZ-T02".equals(r.key()) && r.value().contains("\"version\":1"), Duration.ofSeconds(30));
        JsonNode first = JSON.readTree(v1.value()).get("payload");
        assertEquals("负责测试工作。", first.get("functions").asText());
        assertTrue(first.get("internalBodies").get("count").isNull());
        assertEquals(false, first.get("internalBodies").get("disclosed").asBoolean());
        assertEquals(0, first.get("affiliatedInstitutions").get("count").intValue());
        assertEquals(true, first.get("affiliatedInstitutions").get("disclosed").asBoolean());
        var v2 = KafkaTopics.awaitRecord(Topics.UNITS,
                r -> "XZ-T02".equals(r.key()) && r.value().contains("\"version\":2"), Duration.ofSeconds(30));
        assertEquals(7, JSON.readTree(v2.value()).get("payload").get("internalBodies").get("count").intValue());
    }

    @Test
    void aCountThatContradictsItsDisclosureIsRefusedNamingTheField() {
        String admin = token("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"internalBodies\":{\"count\":null,\"disclosed\":true,\"names\":[]}}")
                .when().put("/api/personnel/units/XZ-BAD2")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("internalBodies.count"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"affiliatedInstitutions\":{\"count\":3,\"disclosed\":false}}")
                .when().put("/api/personnel/units/XZ-BAD2")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("affiliatedInstitutions.count"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"internalBodies\":{\"count\":1,\"disclosed\":true,\"names\":[\"甲\",\"乙\"]}}")
                .when().put("/api/personnel/units/XZ-BAD2")
                .then().statusCode(400).body("errors.field", contains("internalBodies.count"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"internalBodies\":{\"count\":-1,\"disclosed\":true}}")
                .when().put("/api/personnel/units/XZ-BAD2")
                .then().statusCode(400).body("errors.field", hasItem("internalBodies.count"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"functions\":\"" + "职".repeat(10_001) + "\"}")
                .when().put("/api/personnel/units/XZ-BAD2")
                .then().statusCode(400).body("errors.field", contains("functions"));
        given().auth().oauth2(admin).when().get("/api/personnel/units/XZ-BAD2")
                .then().statusCode(404).body("type", equalTo("urn:jixiao:problem:unknown-unit"));
    }
}
