package io.jixiao.assessment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetDocument;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffDocument;
import io.jixiao.events.personnel.StaffSnapshot;
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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * assessment-service on real PostgreSQL, Kafka and Keycloak: facts arrive as the registers publish them, the
 * unit-year is rescored and a score snapshot published; duplicates and old versions change nothing; a regional
 * framework loaded by an administrator rescores the same facts differently; finance sees every unit.
 *
 * <p>Each test owns its unit-years, two years apart because a score reads the year before (XZ-WXB's 2014 to 2020,
 * 2024 and 2026, XZ-TJJ's beside them; the regional framework only from 2026), so the tests hold in any order.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "assessment"))
class AssessmentFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String SCORE = score("XZ-WXB", 2024);
    private static boolean published;

    @Inject
    AgroalDataSource dataSource;

    private static <T> T fixture(String file, Class<T> type) {
        try {
            return JSON.readValue(Files.readString(WorkDirs.root().resolve("deploy/fixtures/xz-wxb-2024/" + file)), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String score(String unit, int year) {
        return "/api/assessment/units/" + unit + "/years/" + year + "/score";
    }

    private static RecordMetadata publishBudget(String unit, int year, BudgetDocument budget, long version) {
        return TestEvents.publish(Topics.BUDGET, new EventEnvelope<>(UUID.randomUUID(), BudgetSnapshot.TYPE,
                unit + ":" + year, version, Instant.now(), "xz-wxb-finance-system", "service-account",
                new BudgetSnapshot(unit, year, budget, null, List.of())));
    }

    /** The seed department's budget, staff and assets as the registers publish them, for the given unit-year. */
    private static void publishFacts(String unit, int year, BudgetDocument budget) {
        String key = unit + ":" + year;
        publishBudget(unit, year, budget, 1);
        TestEvents.publish(Topics.PERSONNEL, new EventEnvelope<>(UUID.randomUUID(), StaffSnapshot.TYPE, key, 1,
                Instant.now(), "xz-wxb-finance-system", "sa", new StaffSnapshot(unit, year,
                        fixture("staff.json", StaffDocument.class), List.of())));
        TestEvents.publish(Topics.ASSETS, new EventEnvelope<>(UUID.randomUUID(), AssetSnapshot.TYPE, key, 1,
                Instant.now(), "xz-wxb-finance-system", "sa", new AssetSnapshot(unit, year,
                        fixture("assets.json", AssetDocument.class), List.of())));
    }

    /** Waits until the unit-year's score rests on all three facts: budget, staff and fixed assets. */
    private static void awaitScoredOnAllFacts(String path) {
        String token = finance();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var r = given().auth().oauth2(token).get(path);
            // every fact in the score's basis: budget, staff and assets arrive on three topics, in any order
            return r.statusCode() == 200 && r.jsonPath().get("score.basis.budget") != null
                    && r.jsonPath().get("score.basis.staff") != null && r.jsonPath().get("score.basis.assets") != null;
        });
    }

    /** The seed department's budget with another 总支出. */
    private static BudgetDocument budgetSpending(String total) throws IOException {
        ObjectNode budget = (ObjectNode) JSON.readTree(Files.readString(
                WorkDirs.root().resolve("deploy/fixtures/xz-wxb-2024/budget.json")));
        budget.with("expenditure").put("total", new BigDecimal(total));
        return JSON.treeToValue(budget, BudgetDocument.class);
    }

    private static String finance() {
        return TestInfrastructure.tokens().user("finance");
    }

    private static JsonNode score(String path) {
        try {
            return JSON.readTree(given().auth().oauth2(finance()).get(path).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode indicator(JsonNode held, String code) {
        for (JsonNode i : held.at("/score/indicators")) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    @BeforeEach
    void unitsAreKnown() {
        if (published) {
            return;
        }
        TestEvents.publishUnit("XZ-WXB", "自治区党委网信办", 1);
        TestEvents.publishUnit("XZ-TJJ", "自治区统计局", 1);
        // known before any fact arrives: a unit arriving later would rescore its years while a test counts versions
        for (String unit : List.of("XZ-WXB", "XZ-TJJ")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(finance())
                    .get("/api/assessment/known-units/" + unit).statusCode() == 200);
        }
        published = true;
    }

    @Test
    void theSeedFactsAreScoredTraceablyAndPublished() {
        publishFacts("XZ-WXB", 2024, fixture("budget.json", BudgetDocument.class));
        awaitScoredOnAllFacts(SCORE);
        JsonNode held = score(SCORE);
        assertEquals("mof-2013-common", held.at("/score/framework/id").asText());
        assertEquals(0, new BigDecimal("6.31").compareTo(held.at("/score/total").decimalValue()));
        JsonNode execution = indicator(held, "2.1.1");
        assertEquals("96.04%", execution.get("actual").asText());
        JsonNode input = execution.get("inputs").get(0);
        assertTrue(input.get("source").asText().startsWith("budget-service"), input.toString());
        assertEquals(1, input.get("version").asInt());
        assertEquals(false, indicator(held, "1.2.1").get("assessable").asBoolean());

        var event = KafkaTopics.awaitRecord(Topics.SCORES, r -> "XZ-WXB:2024".equals(r.key())
                && r.value().contains("\"total\":6.31"), Duration.ofSeconds(30));
        assertTrue(event.value().contains("\"type\":\"score.snapshot\""));
    }

    @Test
    void aNewBudgetEventRescoresAndDuplicatesOrOldVersionsChangeNothing() throws Exception {
        String path = score("XZ-WXB", 2014);
        publishFacts("XZ-WXB", 2014, fixture("budget.json", BudgetDocument.class));
        awaitScoredOnAllFacts(path);
        long before = score(path).get("version").asLong();
        BudgetDocument v2 = budgetSpending("180000000.00"); // 92.16 %
        publishBudget("XZ-WXB", 2014, v2, 2);
        // wait for the figure, not for a version count: a rescore still pending from the facts before may come first
        await().atMost(Duration.ofSeconds(30)).until(() -> indicator(score(path), "2.1.1").get("inputs").get(0)
                .get("version").asInt() == 2);
        JsonNode rescored = score(path);
        assertTrue(rescored.get("version").asLong() > before, "a new score version");
        assertEquals("92.16%", indicator(rescored, "2.1.1").get("actual").asText());
        assertEquals(0, new BigDecimal("2.76").compareTo(indicator(rescored, "2.1.1").get("score").decimalValue()));

        // the same version again, and the old one late: nothing changes
        publishBudget("XZ-WXB", 2014, v2, 2);
        RecordMetadata late = publishBudget("XZ-WXB", 2014, fixture("budget.json", BudgetDocument.class), 1);
        RecordMetadata otherUnit = publishBudget("XZ-TJJ", 2014, fixture("budget.json", BudgetDocument.class), 1);
        // all handled: the group has committed past the late one (and so the repeat before it, on the same key and
        // partition) and past the other unit's
        KafkaTopics.awaitConsumed("assessment-service", late, Duration.ofSeconds(30));
        KafkaTopics.awaitConsumed("assessment-service", otherUnit, Duration.ofSeconds(30));
        JsonNode after = score(path);
        assertEquals(rescored.get("version").asLong(), after.get("version").asLong(), "no rescore for old news");
        assertEquals("92.16%", indicator(after, "2.1.1").get("actual").asText());
    }

    @Test
    void theUnitsStatementIsHeldAgainstTheEvidence() throws IOException {
        String path = score("XZ-WXB", 2016);
        publishFacts("XZ-WXB", 2016, budgetSpending("180000000.00"));
        awaitScoredOnAllFacts(path);
        String reporter = TestInfrastructure.tokens().user("reporter");
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("""
                {"ratings": [{"indicator": "1.1.1", "level": "ACHIEVED", "percent": 95, "evidence": "年度工作要点"}],
                 "actuals": [{"indicator": "3.1.1", "value": 100, "evidence": "年度工作总结"}],
                 "declared": {"total": 95, "scores": [{"indicator": "2.1.1", "score": 3}]}}""")
                .put("/api/assessment/units/XZ-WXB/years/2016/evaluation").then().statusCode(200)
                .body("score.declaredTotal", equalTo(95))
                // 95 declared on 21 points of evidence: not yet evidenced, so no grade and no total compared
                .body("score.status", equalTo("INCOMPLETE"))
                .body("score.grade", nullValue())
                .body("score.coverage.assessedWeight", equalTo(21))
                .body("score.coverage.complete", equalTo(false))
                .body("score.findings.ruleId", hasItem("ASSESS-INCOMPLETE"))
                .body("score.findings.ruleId", not(hasItem("ASSESS-DECLARED-TOTAL")))
                .body("score.findings.ruleId", hasItem("ASSESS-DECLARED-INDICATOR"));
        JsonNode held = score(path);
        assertEquals(0, new BigDecimal("3.80").compareTo(indicator(held, "1.1.1").get("score").decimalValue()));
        assertEquals(0, new BigDecimal("10.00").compareTo(indicator(held, "3.1.1").get("score").decimalValue()));

        given().auth().oauth2(reporter).contentType(ContentType.JSON)
                .body("{\"ratings\": [{\"indicator\": \"9.9.9\", \"level\": \"ACHIEVED\", \"evidence\": \"x\"}]}")
                .put("/api/assessment/units/XZ-WXB/years/2016/evaluation").then().statusCode(400)
                .body("errors.field", hasItem("ratings[0].indicator"));
        given().auth().oauth2(reporter).contentType(ContentType.JSON)
                .body("{\"ratings\": [{\"indicator\": \"1.1.1\", \"level\": \"SPLENDID\", \"evidence\": \"x\"}]}")
                .put("/api/assessment/units/XZ-WXB/years/2016/evaluation").then().statusCode(400);

        // the statement is in the unit-year's audit trail, the refused ones are not
        JsonNode trail = audit("/api/assessment/units/XZ-WXB/years/2016/audit");
        assertEquals(1, trail.size(), trail.toString());
        assertEquals("evaluation.put", trail.at("/0/action").asText());
        assertEquals("reporter", trail.at("/0/username").asText());
        assertEquals("jixiao-cli", trail.at("/0/client").asText());
        assertTrue(trail.at("/0/changes").toString().contains("\"年度工作要点\""), trail.toString());
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter-tjj"))
                .get("/api/assessment/units/XZ-WXB/years/2016/audit").then().statusCode(403);
    }

    @Test
    void aRegionalFrameworkLoadedByAnAdministratorRescoresTheSameFactsDifferently() throws IOException {
        String yaml = new String(getClass().getClassLoader().getResourceAsStream("frameworks/xz-2024-regional.yaml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("fromYear: 2024", "fromYear: 2026"); // the years of the other tests keep the national one
        String path = score("XZ-WXB", 2026);
        publishFacts("XZ-WXB", 2026, budgetSpending("180000000.00")); // 92.16 %
        awaitScoredOnAllFacts(path);
        assertEquals("mof-2013-common", score(path).at("/score/framework/id").asText());
        given().auth().oauth2(TestInfrastructure.tokens().user("finance")).contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/api/assessment/frameworks").then().statusCode(403);
        given().auth().oauth2(TestInfrastructure.tokens().user("admin")).contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .header("X-Request-Id", "load-regional").put("/api/assessment/frameworks").then().statusCode(200)
                .body("loaded", equalTo(true));
        // the unit-years are rescored in the background, from the queue
        await().atMost(Duration.ofSeconds(30)).until(() -> "xz-2024-regional".equals(score(path).at("/score/framework/id")
                .asText()));
        JsonNode held = score(path);
        assertEquals("xz-2024-regional", held.at("/score/framework/id").asText());
        // 92.16 % falls in the ≥ 90 band: 0.8 × 10
        assertEquals(0, new BigDecimal("8.00").compareTo(indicator(held, "2.1.1").get("score").decimalValue()));
        String admin = TestInfrastructure.tokens().user("admin");
        given().auth().oauth2(admin).contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/api/assessment/frameworks").then().statusCode(200).body("loaded", equalTo(false));
        // a loaded version is never changed in place
        given().auth().oauth2(admin).contentType("application/yaml").body(yaml.replace("突出预算执行", "突出预算执行（改）").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/api/assessment/frameworks").then().statusCode(409);
        given().auth().oauth2(admin).contentType("application/yaml").body(yaml.replace("priority: 10", "priority: ten").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/api/assessment/frameworks").then().statusCode(400)
                .body("errors[0].field", equalTo("framework.priority"))
                .body("errors[0].message", equalTo("must be a whole number"));

        // each version loaded once is one entry of no unit; the repeat and the refused loads added none
        List<String> loads = new ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(
                "select target, username, coalesce(request_id, '-'), unit_code from audit_entry"
                        + " where action = 'framework.load' and target similar to 'framework (mof|xz)-%' order by id")) {
            while (rs.next()) {
                loads.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(List.of("framework mof-2013-common v1 system - null",
                "framework xz-2024-regional v1 admin load-regional null"), loads);
    }

    @Test
    void aUnitStatesItsOwnIndicatorsUnderAFrameworkThatTakesThem() throws IOException {
        // 2022 is scored by the template 预算执行率 × 10 + 90 points of the unit's own 产出、效益、满意度 indicators
        String template = new String(getClass().getClassLoader()
                .getResourceAsStream("frameworks/execution-plus-own-indicators.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("id: execution-plus-own-indicators", "id: test-own-indicators")
                .replace("regions: [\"*\"]", "regions: [西藏自治区]").replace("fromYear: 2020", "fromYear: 2022")
                .replace("toYear: 2100", "toYear: 2022");
        given().auth().oauth2(TestInfrastructure.tokens().user("admin")).contentType("application/yaml")
                .body(template.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/api/assessment/frameworks")
                .then().statusCode(200);
        String path = score("XZ-WXB", 2022);
        publishBudget("XZ-WXB", 2022, fixture("budget.json", BudgetDocument.class), 1); // 96.04 % → 9.6
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(finance()).get(path).statusCode() == 200);
        String reporter = TestInfrastructure.tokens().user("reporter");
        String evaluation = "/api/assessment/units/XZ-WXB/years/2022/evaluation";
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("""
                {"unitIndicators": [
                  {"under": "2.1", "category": "产出指标·数量指标", "name": "处置网络违法和不良信息条数", "operator": ">=",
                   "unitOfMeasure": "条", "targetValue": 10000, "actualValue": 12000, "weight": 50, "declaredScore": 50},
                  {"under": "2.1", "category": "效益指标·社会效益指标", "name": "网络安全事件处置及时率", "operator": ">=",
                   "unitOfMeasure": "%", "targetValue": 100, "actualValue": 90, "weight": 30, "declaredScore": 30,
                   "deviation": "部分事件涉及跨部门协调，处置时间超出时限"},
                  {"under": "2.1", "name": "网民满意度", "operator": ">=", "unitOfMeasure": "%", "targetValue": 90,
                   "actualValue": 93, "weight": 10}],
                 "declared": {"total": 99}}""")
                .put(evaluation).then().statusCode(200)
                .body("score.framework.id", equalTo("test-own-indicators"))
                .body("score.status", equalTo("SCORED"))
                .body("score.indicators.find { it.code == '2.1.2' }.name", equalTo("效益指标·社会效益指标：网络安全事件处置及时率"))
                .body("score.indicators.find { it.code == '2.1.2' }.score", equalTo(27.0f)) // 90 % of 30
                .body("score.indicators.find { it.code == '2.1.2' }.deviation", equalTo("部分事件涉及跨部门协调，处置时间超出时限"))
                .body("score.total", equalTo(96.6f)) // 9.6 + 50 + 27 + 10
                .body("score.grade", equalTo("优"))
                .body("score.findings.findAll { it.ruleId == 'ASSESS-DECLARED-INDICATOR' }.subject", equalTo(List.of("2.1.2")))
                .body("score.findings.find { it.ruleId == 'ASSESS-DECLARED-TOTAL' }.difference", equalTo(2.4f));

        // an indicator of the unit's own goes under a heading that takes them, with a 指标性质 the form knows
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("""
                {"unitIndicators": [{"under": "1.1", "name": "x", "operator": ">=", "targetValue": 1, "weight": 10},
                                    {"under": "2.1", "name": "y", "operator": "≥", "targetValue": 1, "weight": 90}]}""")
                .put(evaluation).then().statusCode(400)
                .body("errors.field", hasItem("unitIndicators[1].operator"));
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("""
                {"unitIndicators": [{"under": "1.1", "name": "x", "operator": ">=", "targetValue": 1, "weight": 10}]}""")
                .put(evaluation).then().statusCode(400)
                .body("errors[0].field", equalTo("unitIndicators[0].under"));
        assertEquals(0, new BigDecimal("96.60").compareTo(score(path).at("/score/total").decimalValue()),
                "nothing refused was stored");
    }

    private static JsonNode audit(String path) {
        try {
            return JSON.readTree(given().auth().oauth2(finance()).get(path).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void financeRanksCompleteEvaluationsAndListsTheIncompleteApartAndAReporterSeesOnlyItsOwn() throws IOException {
        // 2018 is scored by a framework that grades from half the weight evidenced: XZ-WXB states enough, XZ-TJJ not
        String lenient = new String(getClass().getClassLoader().getResourceAsStream("frameworks/mof-2013-common.yaml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("id: mof-2013-common", "id: test-half-evidenced").replace("fromYear: 2013", "fromYear: 2018")
                .replace("toYear: 2100", "toYear: 2018").replace("priority: 0", "priority: 5\ncoverageThreshold: 50");
        given().auth().oauth2(TestInfrastructure.tokens().user("admin")).contentType("application/yaml")
                .body(lenient.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/api/assessment/frameworks")
                .then().statusCode(200);
        String finance = finance();
        String path = score("XZ-WXB", 2018);
        publishFacts("XZ-WXB", 2018, fixture("budget.json", BudgetDocument.class));
        publishBudget("XZ-TJJ", 2018, fixture("budget.json", BudgetDocument.class), 1);
        awaitScoredOnAllFacts(path);
        // 7 points from the facts, 46 stated: 3.1.1–3.1.4 (30), 4.1.4 (8), 1.1.1 and 1.1.2 (8)
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).contentType(ContentType.JSON).body("""
                {"ratings": [{"indicator": "1.1.1", "level": "ACHIEVED", "percent": 90, "evidence": "年度工作要点"},
                             {"indicator": "1.1.2", "level": "ACHIEVED", "percent": 90, "evidence": "绩效目标申报表"}],
                 "actuals": [{"indicator": "3.1.1", "value": 100, "evidence": "年度工作总结"},
                             {"indicator": "3.1.2", "value": 100, "evidence": "年度工作总结"},
                             {"indicator": "3.1.3", "value": 100, "evidence": "年度工作总结"},
                             {"indicator": "3.1.4", "value": 100, "evidence": "年度工作总结"},
                             {"indicator": "4.1.4", "value": 95, "evidence": "满意度调查"}]}""")
                .put("/api/assessment/units/XZ-WXB/years/2018/evaluation").then().statusCode(200)
                .body("score.framework.id", equalTo("test-half-evidenced"))
                .body("score.status", equalTo("SCORED"))
                .body("score.coverage.assessedWeight", equalTo(53))
                .body("score.grade", notNullValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(finance)
                .get(score("XZ-TJJ", 2018)).statusCode() == 200);

        given().auth().oauth2(finance).queryParam("fiscalYear", 2018).get("/api/assessment/rankings")
                .then().statusCode(200).body("totalCount", equalTo(2))
                .body("items[0].unitCode", equalTo("XZ-WXB")).body("items[0].rank", equalTo(1))
                .body("items[0].status", equalTo("SCORED")).body("items[0].coveragePercent", equalTo(53.0f))
                .body("items[1].unitCode", equalTo("XZ-TJJ")).body("items[1].rank", nullValue())
                .body("items[1].status", equalTo("INCOMPLETE")).body("items[1].grade", nullValue())
                .body("items[1].coveragePercent", equalTo(5.0f)); // its budget alone: 2.1.1 and 2.1.2
        given().auth().oauth2(finance).queryParam("fiscalYear", 2018).queryParam("completeness", "INCOMPLETE")
                .get("/api/assessment/rankings").then().statusCode(200).body("totalCount", equalTo(1))
                .body("items.unitCode", equalTo(List.of("XZ-TJJ")));
        given().auth().oauth2(finance).queryParam("fiscalYear", 2018).queryParam("completeness", "COMPLETE")
                .get("/api/assessment/rankings").then().statusCode(200).body("totalCount", equalTo(1))
                .body("items.unitCode", equalTo(List.of("XZ-WXB")));
        given().auth().oauth2(finance).queryParam("fiscalYear", 2018).queryParam("completeness", "half")
                .get("/api/assessment/rankings").then().statusCode(400)
                .body("errors[0].field", equalTo("completeness"));
        // every unit's score of every indicator, with coverage and grade, as finance takes it away
        byte[] matrix = given().auth().oauth2(finance).queryParam("fiscalYear", 2018)
                .get("/api/assessment/exports/indicators").then().statusCode(200).extract().asByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(matrix))) {
            var sheet = book.getSheetAt(0);
            assertEquals(2, sheet.getLastRowNum(), "one row per unit-year");
            var header = sheet.getRow(0);
            assertEquals("覆盖率（%）", header.getCell(4).getStringCellValue());
            assertEquals("1.1.1 绩效目标合理性", header.getCell(7).getStringCellValue());
            assertEquals(7 + 27, header.getLastCellNum(), "one column per indicator of the framework");
            var tjj = sheet.getRow(1); // in unit order
            assertEquals("XZ-TJJ", tjj.getCell(0).getStringCellValue());
            assertEquals("待补充", tjj.getCell(6).getStringCellValue());
            assertEquals(null, tjj.getCell(7), "an indicator not assessed is an empty cell, not a zero");
            var wxb = sheet.getRow(2);
            assertEquals("XZ-WXB", wxb.getCell(0).getStringCellValue());
            assertEquals(53.0, wxb.getCell(4).getNumericCellValue(), 0.001);
            assertEquals(3.6, wxb.getCell(7).getNumericCellValue(), 0.001, "1.1.1 achieved at 90 % of 4");
        }
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).queryParam("fiscalYear", 2018)
                .get("/api/assessment/exports/indicators").then().statusCode(403);
        given().auth().oauth2(finance).queryParam("fiscalYear", 2018).get("/api/assessment/summary")
                .then().statusCode(200).body("count", equalTo(1)).body("incomplete", equalTo(1))
                .body("byGrade.待补充", equalTo(1));
        String reporter = TestInfrastructure.tokens().user("reporter");
        given().auth().oauth2(reporter).get(path).then().statusCode(200);
        given().auth().oauth2(reporter).get(score("XZ-TJJ", 2018)).then().statusCode(403);
        given().auth().oauth2(reporter).queryParam("fiscalYear", 2018).get("/api/assessment/rankings")
                .then().statusCode(403);
        given().get(path).then().statusCode(401);
    }

    @Test
    void financeSeesWarningsOneIndicatorAcrossUnitsAndExportsTheRanking() throws Exception {
        ObjectNode budget = (ObjectNode) JSON.readTree(Files.readString(
                WorkDirs.root().resolve("deploy/fixtures/xz-wxb-2024/budget.json")));
        budget.putArray("monthlyExecution").addObject().put("month", 6)
                .put("cumulativeExpenditure", new BigDecimal("40000000.00")); // 20 % spent by June
        publishBudget("XZ-WXB", 2020, fixture("budget.json", BudgetDocument.class), 1);
        publishBudget("XZ-TJJ", 2020, JSON.treeToValue(budget, BudgetDocument.class), 1);
        String finance = finance();
        for (String unit : List.of("XZ-WXB", "XZ-TJJ")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(finance)
                    .get(score(unit, 2020)).statusCode() == 200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(finance)
                .queryParam("fiscalYear", 2020).get("/api/assessment/warnings").then().statusCode(200)
                .body("unitCode", hasItem("XZ-TJJ")).body("[0].warnings[0].level", equalTo("RED")));

        given().auth().oauth2(finance).queryParam("fiscalYear", 2020).get("/api/assessment/indicators/2.1.1")
                .then().statusCode(200).body("size()", equalTo(2)).body("unitCode", hasItem("XZ-WXB"));

        String csv = given().auth().oauth2(finance).queryParam("fiscalYear", 2020)
                .get("/api/assessment/rankings/export").then().statusCode(200).contentType("text/csv; charset=UTF-8")
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].contains("单位代码") && lines[0].contains("计算总分"));
        byte[] xlsx = given().auth().oauth2(finance).queryParam("fiscalYear", 2020).queryParam("format", "xlsx")
                .get("/api/assessment/rankings/export").then().statusCode(200).extract().asByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertEquals(2, sheet.getLastRowNum());
            assertEquals("单位代码", sheet.getRow(0).getCell(1).getStringCellValue());
        }
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).queryParam("fiscalYear", 2020)
                .get("/api/assessment/rankings/export").then().statusCode(403);
    }
}
