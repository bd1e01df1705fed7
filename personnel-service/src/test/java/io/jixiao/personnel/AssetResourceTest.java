package io.jixiao.personnel;

import static io.jixiao.personnel.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The asset register per unit-year: exact amounts, findings, events, audit trail. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class AssetResourceTest {

    @BeforeEach
    void units() {
        Api.ensureUnit("XZ-WXB");
    }

    @Test
    void assetStatesThatDoNotAddUpAreAFindingPublishedWithTheAmountsAsPushed() {
        String path = Api.assetsPath("XZ-WXB", 2010);
        String client = token("client:xz-wxb-finance-system");
        ObjectNode assets = Api.seedAssets(2010);
        given().auth().oauth2(client).contentType(ContentType.JSON).body(Api.write(assets)).when().put(path)
                .then().statusCode(200).body("version", equalTo(1)).body("findings.size()", equalTo(0));
        // 100 万元 idle on top of the total: the states now exceed it
        ((ObjectNode) assets.get("fixedAssets")).put("idle", new BigDecimal("1000000.00"));
        given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).body(Api.write(assets))
                .when().put(path)
                .then().statusCode(200).body("version", equalTo(2))
                .body("findings.ruleId", contains("ASSET-FIXED-STATES"))
                .body("findings[0].severity", equalTo("ERROR"))
                .body("findings[0].unit", equalTo("yuan"));

        String held = given().auth().oauth2(token("finance")).when().get(path + "/findings")
                .then().statusCode(200).extract().asString();
        JsonNode finding = Api.tree(held).get(0);
        assertEquals(0, new BigDecimal("254876000.00").compareTo(finding.get("expected").decimalValue()));
        assertEquals(0, new BigDecimal("253876000.00").compareTo(finding.get("stated").decimalValue()));
        assertEquals(0, new BigDecimal("-1000000.00").compareTo(finding.get("difference").decimalValue()));
        assertTrue(finding.get("message").asText().contains("25387.6万元"), finding.get("message").asText());

        String document = given().auth().oauth2(token("finance")).when().get(path).then().statusCode(200)
                .body("updatedBy", equalTo("reporter")).extract().asString();
        assertTrue(document.contains("\"idle\":1000000.00"), document);
        assertTrue(document.contains("\"total\":253876000.00"), document);

        String history = given().auth().oauth2(token("reporter")).when().get(path + "/history")
                .then().statusCode(200).extract().asString();
        JsonNode versions = Api.tree(history);
        assertEquals(2, versions.size());
        assertEquals("service-account-xz-wxb-finance-system", versions.get(0).get("changedBy").asText());
        assertEquals("xz-wxb-finance-system", versions.get(0).get("source").asText());
        JsonNode change = versions.get(1).get("changes").get(0);
        assertEquals(1, versions.get(1).get("changes").size());
        assertEquals("fixedAssets.idle", change.get("path").asText());
        assertEquals(0, BigDecimal.ZERO.compareTo(change.get("oldValue").decimalValue()));
        assertEquals(0, new BigDecimal("1000000.00").compareTo(change.get("newValue").decimalValue()));
        assertEquals("reporter", versions.get(1).get("changedBy").asText());
        assertEquals("jixiao-cli", versions.get(1).get("source").asText());

        var event = KafkaTopics.awaitRecord(Topics.ASSETS,
                r -> "XZ-WXB:2010".equals(r.key()) && r.value().contains("\"version\":2"), Duration.ofSeconds(30));
        JsonNode payload = Api.tree(event.value()).get("payload");
        assertTrue(event.value().contains("\"idle\":1000000.00"), event.value());
        assertEquals("ASSET-FIXED-STATES", payload.get("findings").get(0).get("ruleId").asText());
        assertEquals(2010, payload.get("fiscalYear").intValue());
        long published = KafkaTopics.readAll(Topics.ASSETS, Duration.ofSeconds(2)).stream()
                .filter(r -> "XZ-WXB:2010".equals(r.key())).count();
        assertEquals(2, published);
    }
}
