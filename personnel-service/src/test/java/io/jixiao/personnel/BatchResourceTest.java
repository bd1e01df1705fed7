package io.jixiao.personnel;

import static io.jixiao.personnel.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches of many unit-years: all or nothing, every bad item named, foreign units 403, unknown units 404. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class BatchResourceTest {

    private static final String STAFF_BATCH = "/api/personnel/staff/batch";
    private static final String ASSETS_BATCH = "/api/personnel/assets/batch";

    @BeforeEach
    void units() {
        Api.ensureUnit("XZ-WXB");
        Api.ensureUnit("XZ-TJJ");
    }

    private static ObjectNode batch(Object... unitYearDocuments) {
        ObjectNode batch = Api.JSON.createObjectNode();
        ArrayNode items = batch.putArray("items");
        for (int i = 0; i < unitYearDocuments.length; i += 3) {
            items.addObject().put("unitCode", (String) unitYearDocuments[i])
                    .put("fiscalYear", (Integer) unitYearDocuments[i + 1])
                    .set("document", (JsonNode) unitYearDocuments[i + 2]);
        }
        return batch;
    }

    private static ValidatableResponse post(String who, String path, ObjectNode batch) {
        return given().auth().oauth2(token(who)).contentType(ContentType.JSON).body(Api.write(batch))
                .when().post(path).then();
    }

    private static void absent(String path) {
        given().auth().oauth2(token("finance")).when().get(path).then().statusCode(404);
    }

    @Test
    void aProvincesUnitsAreRegisteredInOneBatchWholeOrNotAtAllAndOnlyByAnAdministrator() {
        ObjectNode batch = Api.JSON.createObjectNode();
        ArrayNode items = batch.putArray("items");
        for (int i = 1; i <= 3; i++) {
            items.addObject().put("unitCode", "MN-BATCH-" + i).putObject("profile").put("name", "模拟单位" + i)
                    .put("region", "模拟省").put("level", "县级");
        }
        ObjectNode twice = batch.deepCopy();
        ((ArrayNode) twice.get("items")).addObject().put("unitCode", "MN-BATCH-1").putObject("profile")
                .put("name", "重复");
        post("admin", "/api/personnel/units/batch", twice).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("items[3].unitCode"));
        ObjectNode blank = batch.deepCopy();
        ((ObjectNode) blank.get("items").get(2).get("profile")).put("name", "");
        post("admin", "/api/personnel/units/batch", blank).statusCode(400)
                .body("errors.field", contains("items[2].profile.name"));
        post("client:xz-province-system", "/api/personnel/units/batch", batch).statusCode(403);
        for (int i = 1; i <= 3; i++) {
            given().auth().oauth2(token("admin")).when().get("/api/personnel/units/MN-BATCH-" + i).then()
                    .statusCode(404);
        }
        post("admin", "/api/personnel/units/batch", batch).statusCode(200)
                .body("unitCode", contains("MN-BATCH-1", "MN-BATCH-2", "MN-BATCH-3"))
                .body("version", contains(1, 1, 1));
        // the same again changes nothing; the region makes the province's feeder able to push for them
        post("admin", "/api/personnel/units/batch", batch).statusCode(200).body("version", contains(1, 1, 1));
        post("client:xz-province-system", STAFF_BATCH, batch("MN-BATCH-1", 2024, Api.seedStaff(2024)))
                .statusCode(403);
        post("client:bench-province-system", STAFF_BATCH, batch("MN-BATCH-1", 2024, Api.seedStaff(2024),
                "MN-BATCH-2", 2024, Api.seedStaff(2024))).statusCode(200);
    }

    @Test
    void aStaffBatchIsStoredWholeOrNotAtAll() {
        String client = "client:xz-wxb-finance-system";
        ObjectNode bad = Api.seedStaff(2018).put("totalInService", -1);
        ((ObjectNode) bad.withArray("categories").get(0)).put("category", "astronaut");
        // a bad item: every bad field named by its place in the batch; the good item is not stored either
        post(client, STAFF_BATCH, batch("XZ-WXB", 2017, Api.seedStaff(2017), "XZ-WXB", 2018, bad))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("items[1].document.totalInService"));
        ObjectNode unknownCode = Api.seedStaff(2018);
        ((ObjectNode) unknownCode.withArray("categories").get(0)).put("category", "astronaut");
        post(client, STAFF_BATCH, batch("XZ-WXB", 2017, Api.seedStaff(2017), "XZ-WXB", 2018, unknownCode,
                "XZ-WXB", 1999, Api.seedStaff(1999)))
                .statusCode(400)
                .body("errors.field", contains("items[1].document.categories[0].category", "items[2].fiscalYear"));
        post(client, STAFF_BATCH, batch("XZ-WXB", 2017, Api.seedStaff(2017), "XZ-WXB", 2017, Api.seedStaff(2017)))
                .statusCode(400).body("errors.field", contains("items[1]"));
        // another unit's item: 403
        post(client, STAFF_BATCH, batch("XZ-WXB", 2017, Api.seedStaff(2017), "XZ-TJJ", 2017, Api.seedStaff(2017)))
                .statusCode(403).contentType("application/problem+json");
        // a unit not in the register: 404 naming the item
        post("reporter-kjt", STAFF_BATCH, batch("XZ-KJT", 2017, Api.seedStaff(2017)))
                .statusCode(404).body("type", equalTo("urn:jixiao:problem:unknown-unit"))
                .body("errors.field", contains("items[0].unitCode"));
        post(client, STAFF_BATCH, Api.JSON.createObjectNode().putNull("items")).statusCode(400)
                .body("errors.field", contains("items"));
        absent(Api.staffPath("XZ-WXB", 2017));
        absent(Api.staffPath("XZ-WXB", 2018));
        absent(Api.staffPath("XZ-TJJ", 2017));

        // all good: stored together, one result per item in order
        ObjectNode good = batch("XZ-WXB", 2017, Api.seedStaff(2017), "XZ-WXB", 2018,
                Api.seedStaff(2018).put("statedChange", -20));
        String answer = given().auth().oauth2(token(client)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "batch-2017").body(Api.write(good)).when().post(STAFF_BATCH)
                .then().statusCode(200).body("fiscalYear", contains(2017, 2018)).body("version", contains(1, 1))
                .body("[0].findings.ruleId", contains("STAFF-UNCHECKED"))
                .body("[1].findings.ruleId", contains("STAFF-STATED-CHANGE", "STAFF-UNCHECKED")).extract().asString();
        given().auth().oauth2(token("finance")).when().get(Api.staffPath("XZ-WXB", 2018)).then().statusCode(200)
                .body("document.statedChange", equalTo(-20)).body("source", equalTo("xz-wxb-finance-system"));
        // the keyed batch repeated answers the same and stores nothing new
        String repeat = given().auth().oauth2(token(client)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "batch-2017").body(Api.write(good)).when().post(STAFF_BATCH)
                .then().statusCode(200).extract().asString();
        assertEquals(Api.tree(answer), Api.tree(repeat));
        given().auth().oauth2(token("finance")).when().get(Api.staffPath("XZ-WXB", 2018) + "/history")
                .then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void anAssetBatchIsStoredWholeOrNotAtAll() {
        String client = "client:xz-wxb-finance-system";
        ObjectNode bad = Api.seedAssets(2020);
        ((ObjectNode) bad.get("fixedAssets")).put("total", new BigDecimal("253876000.001"));
        post(client, ASSETS_BATCH, batch("XZ-WXB", 2019, Api.seedAssets(2019), "XZ-WXB", 2020, bad))
                .statusCode(400).body("errors.field", contains("items[1].document.fixedAssets.total"));
        post("client:xz-tjj-finance-system", ASSETS_BATCH, batch("XZ-WXB", 2019, Api.seedAssets(2019)))
                .statusCode(403);
        absent(Api.assetsPath("XZ-WXB", 2019));
        absent(Api.assetsPath("XZ-WXB", 2020));
        post(client, ASSETS_BATCH, batch("XZ-WXB", 2019, Api.seedAssets(2019), "XZ-WXB", 2020,
                Api.seedAssets(2020))).statusCode(200).body("version", contains(1, 1)).body("changed", contains(true, true));
        given().auth().oauth2(token("finance")).when().get(Api.assetsPath("XZ-WXB", 2020)).then().statusCode(200);
    }

    @Test
    void theBatchEndpointsAreDocumentedInOpenApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey(STAFF_BATCH)).body("paths", hasKey(ASSETS_BATCH))
                .body("paths", hasKey("/api/personnel/units/{unitCode}/years/{fiscalYear}/staff"))
                .body("paths", hasKey("/api/personnel/units/{unitCode}/years/{fiscalYear}/assets/history"))
                .body("paths", hasKey("/api/personnel/reference/movement-kinds/{code}"));
    }
}
