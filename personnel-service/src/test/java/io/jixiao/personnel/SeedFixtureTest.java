package io.jixiao.personnel;

import static io.jixiao.personnel.Api.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.Topics;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed department's 2024 fixture (deploy/fixtures/xz-wxb-2024), pushed as its manifest says, round-trips
 * exactly: the unit profile, the staff and the assets come back figure for figure, with no findings, and their
 * events carry them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class SeedFixtureTest {

    @Test
    void theSeedFixtureRoundTripsExactlyAndReconciles() throws Exception {
        // the manifest's personnel-service requests, as the local run sends them through the gateway
        JsonNode manifest = Api.tree(Api.fixture("manifest.json"));
        int sent = 0;
        for (JsonNode step : manifest.get("requests")) {
            String path = step.get("path").asText();
            if (!path.startsWith("/api/personnel/")) {
                continue;
            }
            given().auth().oauth2(token(step.get("as").asText())).contentType(ContentType.JSON)
                    .body(Api.fixture(step.get("body").asText()))
                    .when().request(step.get("method").asText(), path)
                    .then().statusCode(200);
            sent++;
        }
        assertEquals(3, sent, "unit, staff and assets");

        // the unit profile: 主要职能 verbatim, counts withheld (not 0), names as given
        JsonNode unitFixture = Api.fixtureTree("unit.json");
        JsonNode unit = Api.tree(given().auth().oauth2(token("reporter")).when()
                .get("/api/personnel/units/XZ-WXB").then().statusCode(200).extract().asString());
        assertEquals(unitFixture.get("functions").asText(), unit.get("functions").asText());
        assertTrue(unit.get("functions").asText().startsWith("中共西藏自治区委员会网络安全和信息化委员会办公室为"));
        for (String bodies : List.of("internalBodies", "affiliatedInstitutions")) {
            assertTrue(unit.get(bodies).get("count").isNull(), bodies + " count withheld, not 0");
            assertFalse(unit.get(bodies).get("disclosed").asBoolean());
            assertEquals(unitFixture.get(bodies).get("names"), unit.get(bodies).get("names"));
        }
        assertEquals("机关后勤服务中心", unit.get("affiliatedInstitutions").get("names").get(0).asText());
        assertEquals(5, unit.get("internalBodies").get("names").size());

        // staff: every figure as pushed, no contradiction; without 编制 the over-establishment checks cannot be made
        JsonNode staff = Api.tree(given().auth().oauth2(token("finance")).when()
                .get(Api.staffPath("XZ-WXB", 2024)).then().statusCode(200).extract().asString());
        assertTrue(Api.sameFigures(Api.fixtureTree("staff.json"), staff.get("document")),
                () -> "staff as held: " + staff.get("document"));
        assertEquals(381, staff.get("document").get("totalInService").intValue());
        assertEquals(-27, staff.get("document").get("statedChange").intValue());
        assertTrue(staff.get("document").get("establishment").isNull(), "编制数 is not in the seed: stays null");
        assertEquals(1, staff.get("findings").size(), () -> "findings: " + staff.get("findings"));
        assertEquals("STAFF-UNCHECKED", staff.at("/findings/0/ruleId").asText());
        assertEquals("未能核对：在职干部职工人数不超过编制数（超编）（未填报编制数）；类别在职人数不超过该类别编制数（超编）"
                + "（未填报该类别编制数：categories[0]、categories[1]、categories[2]、categories[3]）",
                staff.at("/findings/0/message").asText());
        assertEquals("service-account-xz-wxb-finance-system", staff.get("updatedBy").asText());
        assertEquals("xz-wxb-finance-system", staff.get("source").asText());

        // assets: amounts exactly as written (25387.6万元 = 253876000.00 yuan), no findings
        String assetsJson = given().auth().oauth2(token("client:xz-wxb-finance-system")).when()
                .get(Api.assetsPath("XZ-WXB", 2024)).then().statusCode(200).extract().asString();
        JsonNode assets = Api.tree(assetsJson);
        assertTrue(Api.sameFigures(Api.fixtureTree("assets.json"), assets.get("document")));
        assertTrue(assetsJson.contains("\"total\":253876000.00"), assetsJson);
        assertTrue(assetsJson.contains("\"total\":9910000.00"), assetsJson);
        assertEquals(0, assets.get("findings").size());

        JsonNode findings = Api.tree(given().auth().oauth2(token("reporter")).when()
                .get("/api/personnel/units/XZ-WXB/years/2024/findings").then().statusCode(200).extract().asString());
        assertEquals(0, findings.get("errors").intValue());
        assertEquals(1, findings.get("findings").size());
        assertEquals(staff.get("version").longValue(), findings.get("staffVersion").longValue());
        assertEquals(assets.get("version").longValue(), findings.get("assetsVersion").longValue());

        // the events carry the same figures
        var staffEvent = KafkaTopics.awaitRecord(Topics.PERSONNEL, r -> "XZ-WXB:2024".equals(r.key()),
                Duration.ofSeconds(30));
        JsonNode staffPayload = Api.tree(staffEvent.value()).get("payload");
        assertTrue(Api.sameFigures(Api.fixtureTree("staff.json"), staffPayload.get("staff")));
        assertEquals("STAFF-UNCHECKED", staffPayload.at("/findings/0/ruleId").asText());
        assertEquals(1, staffPayload.get("findings").size());
        var assetEvent = KafkaTopics.awaitRecord(Topics.ASSETS, r -> "XZ-WXB:2024".equals(r.key()),
                Duration.ofSeconds(30));
        assertTrue(assetEvent.value().contains("\"total\":253876000.00"), assetEvent.value());
        assertEquals("assets.snapshot", Api.tree(assetEvent.value()).get("type").asText());
        var unitEvent = KafkaTopics.awaitRecord(Topics.UNITS, r -> "XZ-WXB".equals(r.key())
                && r.value().contains("机关后勤服务中心"), Duration.ofSeconds(30));
        JsonNode unitPayload = Api.tree(unitEvent.value()).get("payload");
        assertNull(unitPayload.get("internalBodies").get("count").numberValue());
        assertEquals(unitFixture.get("functions").asText(), unitPayload.get("functions").asText());
    }
}
