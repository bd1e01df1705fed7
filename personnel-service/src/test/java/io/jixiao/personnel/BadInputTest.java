package io.jixiao.personnel;

import static io.jixiao.personnel.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.events.Topics;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every class of bad input is refused with an RFC 9457 problem naming each bad field, and stores nothing: the
 * version held, the history and the events stay as they were.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void units() {
        Api.ensureUnit("XZ-WXB");
        Api.ensureUnit("XZ-TJJ");
    }

    private static ValidatableResponse put(String path, String body) {
        return given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).body(body)
                .when().put(path).then();
    }

    private static String staff(int year, Consumer<ObjectNode> edit) {
        ObjectNode staff = Api.seedStaff(year);
        edit.accept(staff);
        return Api.write(staff);
    }

    private static void refused(String path, String body, String... fields) {
        put(path, body).statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("errors.field", hasItems(fields)).body("errors.size()", equalTo(fields.length));
    }

    /** Still version 1, one version in the history, one event: the refusals stored nothing. */
    private static void storedNothingBut(String path, String key, String topic) {
        given().auth().oauth2(token("finance")).when().get(path).then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(token("finance")).when().get(path + "/history").then().statusCode(200)
                .body("size()", equalTo(1));
        KafkaTopics.awaitRecord(topic, r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertEquals(1, KafkaTopics.readAll(topic, Duration.ofSeconds(2)).stream()
                .filter(r -> key.equals(r.key())).count());
    }

    @Test
    void badStaffIsRefusedNamingEachFieldAndStoresNothing() {
        String path = Api.staffPath("XZ-WXB", 2013);
        put(path, staff(2013, s -> { })).statusCode(200).body("version", equalTo(1));

        // malformed JSON
        put(path, "{\"asOf\": \"2013-12-31\", \"totalInService\": ").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:jixiao:problem:malformed-json")).body("errors.field", hasItem("body"));
        put(path, staff(2013, s -> { }) + " {}").statusCode(400).contentType(PROBLEM);
        // wrong types: text, fraction, quoted number, object for list, number for flag, number for name
        refused(path, staff(2013, s -> s.put("totalInService", "many")), "totalInService");
        refused(path, staff(2013, s -> s.put("totalInService", 380.5)), "totalInService");
        refused(path, staff(2013, s -> s.put("totalInService", "381")), "totalInService");
        refused(path, staff(2013, s -> s.put("totalInService", 99999999999L)), "totalInService");
        refused(path, staff(2013, s -> s.putObject("categories")), "categories");
        refused(path, staff(2013, s -> ((ObjectNode) s.withArray("others").get(0))
                .put("paidFromPersonnelFunds", 1)), "others[0].paidFromPersonnelFunds");
        refused(path, staff(2013, s -> ((ObjectNode) s.withArray("categories").get(1)).put("category", 42)),
                "categories[1].category");
        refused(path, staff(2013, s -> s.put("asOf", "2013-13-45")), "asOf");
        // negative counts, each named
        refused(path, staff(2013, s -> {
            s.put("totalInService", -1);
            ((ObjectNode) s.withArray("categories").get(1)).put("headcount", -5);
            ((ObjectNode) s.withArray("movements").get(0)).put("count", -51);
        }), "totalInService", "categories[1].headcount", "movements[0].count");
        // missing required figures
        refused(path, staff(2013, s -> ((ObjectNode) s.withArray("movements").get(0)).remove("count")),
                "movements[0].count");
        // unknown fields, also nested
        refused(path, staff(2013, s -> s.put("colour", "red")), "colour");
        refused(path, staff(2013, s -> ((ObjectNode) s.withArray("categories").get(0)).put("rank", 1)),
                "categories[0].rank");
        // codes not in the reference lists
        refused(path, staff(2013, s -> {
            ((ObjectNode) s.withArray("categories").get(2)).put("category", "astronaut");
            ((ObjectNode) s.withArray("movements").get(5)).put("kind", "teleported-in");
        }), "categories[2].category", "movements[5].kind");
        refused(path, staff(2013, s -> ((ObjectNode) s.withArray("movements").get(1)).put("kind", "transfer-out")),
                "movements[1].kind");
        // a date outside the fiscal year
        refused(path, staff(2013, s -> s.put("asOf", "2012-12-31")), "asOf");
        // an empty body
        given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).when().put(path)
                .then().statusCode(400).contentType(PROBLEM);

        storedNothingBut(path, "XZ-WXB:2013", Topics.PERSONNEL);
    }

    @Test
    void aFieldThatMayBeAbsentMayBeAbsentAndOneThatMayNotIsReportedAsRequired() {
        String path = Api.staffPath("XZ-WXB", 2012);
        // no report states whether its retirees or survivors are paid from personnel funds: not stated is fine
        put(path, staff(2012, s -> s.withArray("others").forEach(o -> ((ObjectNode) o).remove("paidFromPersonnelFunds"))))
                .statusCode(200).body("version", equalTo(1));
        // a report that states 编制 by category and 实有人数 but no headcounts: not stated is fine, never zero
        put(Api.staffPath("XZ-WXB", 2011), staff(2011, s -> {
            s.remove("totalInService");
            s.put("establishment", 400).put("actualTotal", 378).put("fiscallySupported", 455);
            s.withArray("categories").forEach(c -> ((ObjectNode) c).putNull("headcount").put("establishment", 100));
        })).statusCode(200).body("findings.ruleId", org.hamcrest.Matchers.hasItem("STAFF-UNCHECKED"))
                .body("findings.severity", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("ERROR")));
        put(path, staff(2012, s -> ((ObjectNode) s.withArray("others").get(0)).putNull("paidFromPersonnelFunds")))
                .statusCode(200);
        // a required field left out, or given as null: "required", naming it, in the service's own words
        put(path, staff(2012, s -> s.remove("asOf"))).statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(java.util.List.of("asOf")))
                .body("errors[0].message", equalTo("required"));
        put(path, staff(2012, s -> ((ObjectNode) s.withArray("movements").get(0)).putNull("count")))
                .statusCode(400).body("errors[0].field", equalTo("movements[0].count"))
                .body("errors[0].message", equalTo("required"));
        put(path, staff(2012, s -> s.put("totalInService", "many"))).statusCode(400)
                .body("errors[0].message", equalTo("must be a whole number"))
                .body("detail", equalTo("totalInService: must be a whole number"));
    }

    @Test
    void aCountOfBodiesIsDisclosedWhenGivenUnlessSaidOtherwise() {
        String admin = token("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"自治区某厅\",\"region\":\"西藏自治区\","
                + "\"internalBodies\":{\"count\":5,\"names\":[\"办公室\"]},\"affiliatedInstitutions\":{\"names\":[]}}")
                .put("/api/personnel/units/XZ-BODY").then().statusCode(200)
                .body("internalBodies.count", equalTo(5)).body("internalBodies.disclosed", equalTo(true))
                .body("affiliatedInstitutions.disclosed", equalTo(false))
                .body("secondedBodies.disclosed", equalTo(false));
        // 派驻机构 as a county public security bureau states them: 28, of which 21 township police stations
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"某县公安局\",\"region\":\"四川省\","
                + "\"secondedBodies\":{\"count\":28,\"names\":[\"城关派出所\"]}}")
                .put("/api/personnel/units/XZ-BODY").then().statusCode(200)
                .body("secondedBodies.count", equalTo(28)).body("secondedBodies.disclosed", equalTo(true))
                .body("secondedBodies.names[0]", equalTo("城关派出所"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"某县公安局\","
                + "\"secondedBodies\":{\"count\":2,\"names\":[\"甲\",\"乙\",\"丙\"]}}")
                .put("/api/personnel/units/XZ-BODY").then().statusCode(400)
                .body("errors[0].field", equalTo("secondedBodies.count"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"自治区某厅\",\"region\":\"西藏自治区\","
                + "\"internalBodies\":{\"count\":5,\"disclosed\":false}}")
                .put("/api/personnel/units/XZ-BODY").then().statusCode(400)
                .body("errors[0].field", equalTo("internalBodies.count"));
    }

    @Test
    void badAssetsAreRefusedNamingEachFieldAndStoreNothing() {
        String path = Api.assetsPath("XZ-WXB", 2014);
        put(path, Api.write(Api.seedAssets(2014))).statusCode(200).body("version", equalTo(1));
        refused(path, assets(a -> fixed(a).put("total", new BigDecimal("-1.00"))), "fixedAssets.total");
        refused(path, assets(a -> fixed(a).put("inUse", new BigDecimal("253876000.005"))), "fixedAssets.inUse");
        refused(path, assets(a -> fixed(a).put("idle", new BigDecimal("12345678901234.00"))), "fixedAssets.idle");
        refused(path, assets(a -> {
            fixed(a).put("total", new BigDecimal("-0.01"));
            ((ObjectNode) a.get("intangibleAssets")).put("awaitingDisposal", new BigDecimal("0.001"));
        }), "fixedAssets.total", "intangibleAssets.awaitingDisposal");
        refused(path, assets(a -> fixed(a).put("idle", "0.00")), "fixedAssets.idle");
        refused(path, assets(a -> a.putArray("fixedAssets")), "fixedAssets");
        refused(path, assets(a -> ((ObjectNode) a.get("intangibleAssets")).put("software", 1)),
                "intangibleAssets.software");
        refused(path, assets(a -> a.remove("intangibleAssets")), "intangibleAssets");
        refused(path, assets(a -> a.put("asOf", "2015-01-01")), "asOf");
        storedNothingBut(path, "XZ-WXB:2014", Topics.ASSETS);
    }

    private static ObjectNode fixed(ObjectNode assets) {
        return (ObjectNode) assets.get("fixedAssets");
    }

    private static String assets(Consumer<ObjectNode> edit) {
        ObjectNode assets = Api.seedAssets(2014);
        edit.accept(assets);
        return Api.write(assets);
    }

    @Test
    void impossibleYearsUnknownAndForeignUnitsAreRefused() {
        for (int year : new int[] {1999, 2999}) {
            put(Api.staffPath("XZ-WXB", year), staff(year, s -> { })).statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("fiscalYear"));
            put(Api.assetsPath("XZ-WXB", year), Api.write(Api.seedAssets(year))).statusCode(400)
                    .contentType(PROBLEM).body("errors.field", hasItem("fiscalYear"));
            given().auth().oauth2(token("finance")).when().get(Api.staffPath("XZ-WXB", year))
                    .then().statusCode(400).body("errors.field", hasItem("fiscalYear"));
        }
        // a unit not in the register: its own reporter gets a 404 (XZ-KJT is never registered here)
        given().auth().oauth2(token("reporter-kjt")).contentType(ContentType.JSON).body(staff(2015, s -> { }))
                .when().put(Api.staffPath("XZ-KJT", 2015))
                .then().statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:jixiao:problem:unknown-unit"))
                .body("errors.field", hasItem("unitCode"));
        given().auth().oauth2(token("finance")).when().get(Api.assetsPath("XZ-KJT", 2015))
                .then().statusCode(404).body("type", equalTo("urn:jixiao:problem:unknown-unit"));
        given().auth().oauth2(token("finance")).when().get(Api.staffPath("XZ-KJT", 2015) + "/history")
                .then().statusCode(404);
        // a malformed unit code
        put("/api/personnel/units/xz wxb/years/2015/staff", staff(2015, s -> { })).statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("unitCode"));
        // another unit's code
        put(Api.staffPath("XZ-TJJ", 2015), staff(2015, s -> { })).statusCode(403).contentType(PROBLEM);
        put(Api.assetsPath("XZ-TJJ", 2015), Api.write(Api.seedAssets(2015))).statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(token("finance")).when().get(Api.staffPath("XZ-TJJ", 2015)).then().statusCode(404);
        given().auth().oauth2(token("finance")).when().get(Api.staffPath("XZ-WXB", 2015)).then().statusCode(404);
    }

    @Test
    void anOversizeBodyIsA413NotAServerError() {
        String padding = " ".repeat(11 * 1024 * 1024);
        String body = "{\"asOf\":\"2016-12-31\"," + padding + "\"totalInService\":1,\"categories\":[]}";
        // problem details naming the limit, as every other refusal, not Quarkus's empty 413
        given().auth().oauth2(token("reporter")).contentType(ContentType.JSON).body(body)
                .when().put(Api.staffPath("XZ-WXB", 2016)).then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("urn:jixiao:problem:payload-too-large"))
                .body("detail", org.hamcrest.Matchers.containsString("10M"));
        given().auth().oauth2(token("finance")).when().get(Api.staffPath("XZ-WXB", 2016)).then().statusCode(404);
    }
}
