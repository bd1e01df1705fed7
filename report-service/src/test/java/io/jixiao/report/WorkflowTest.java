package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.tree;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.report.repository.ReportContent;
import io.jixiao.report.service.ReportJson;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The report's workflow, on the seed's figures for 2023: submission refused while an error finding is open and
 * accepted once it is explained; return with comments; a change makes a new draft; each submitted version immutable,
 * numbered and hashed; publication needs the approval date and sets the deadline; the public URL serves the published
 * version without a token; every status change is an event on report.status.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class WorkflowTest {

    private static final int YEAR = 2023;
    private static final String REPORT = path(SeedFixture.UNIT, YEAR);
    private static final String PUBLIC = "/api/reports/public/units/" + SeedFixture.UNIT + "/years/" + YEAR;
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (!seeded) {
            ReportApi.seed(YEAR);
            seeded = true;
        }
    }

    @Test
    void fromDraftToPublishedWithEveryRuleOfTheWay() throws Exception {
        String approver = user("approver");
        String reporter = user("reporter");
        String finance = user("finance");

        // 1. open errors block submission
        given().auth().oauth2(finance).get(REPORT + "/status").then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("blockingFindings", hasItems("BUD-REVENUE-IDENTITY", "BUD-EXPENDITURE-IDENTITY", "BUD-BALANCE"));
        assertFalse(contentKept(), "a report never submitted keeps no content state: it is worked out when asked");
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:jixiao:problem:open-findings"))
                .body("errors.field", hasItems("findings.BUD-REVENUE-IDENTITY", "findings.BUD-EXPENDITURE-IDENTITY"));
        given().auth().oauth2(user("clerk")).post(REPORT + "/submit").then().statusCode(403);
        given().auth().oauth2(finance).post(REPORT + "/submit").then().statusCode(403);

        // 2. the unit explains them; an unknown rule cannot be explained; then submission goes through
        explain(reporter, "BUD-REVENUE-IDENTITY", "财政下达资金指标已扣除年底收回的2023年结转资金");
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"explanation\":\"x\"}")
                .put(REPORT + "/findings/BUD-NO-SUCH-RULE/explanation").then().statusCode(404);
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"explanation\":\"  \"}")
                .put(REPORT + "/findings/BUD-EXPENDITURE-IDENTITY/explanation").then().statusCode(400)
                .body("errors[0].field", equalTo("explanation"));
        explain(reporter, "BUD-BALANCE", "结转资金含以前年度结转，不全来自本年下达资金");
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(409)
                .body("errors.field", equalTo(List.of("findings.BUD-EXPENDITURE-IDENTITY")));
        explain(reporter, "BUD-EXPENDITURE-IDENTITY", "总支出含上年结转资金支出，分项按当年预算口径统计");
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("latestVersion", equalTo(1));
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(409);

        // 3. finance returns it with comments; reporters cannot review
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body("{\"comment\":\"x\"}")
                .post(REPORT + "/accept").then().statusCode(403);
        given().auth().oauth2(finance).contentType(ContentType.JSON).body("{\"comment\":\"请补充履职效果的量化指标\"}")
                .post(REPORT + "/return").then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("reviewComment", equalTo("请补充履职效果的量化指标"));

        // 4. the unit changes its text: a new draft; submitted again as version 2
        ObjectNode narratives = (ObjectNode) tree(SeedFixture.text("narratives.json"));
        narratives.withArray("dutyEffects").add("全年处置网络违法和不良信息*万条");
        given().auth().oauth2(reporter).contentType(ContentType.JSON).body(narratives.toString())
                .put(REPORT + "/narratives").then().statusCode(200);
        given().auth().oauth2(reporter).get(REPORT + "/status").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("changedSinceSubmission", equalTo(true));
        assertTrue(contentKept(), "the change to a returned version was compared with it, and what it says kept");
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("latestVersion", equalTo(2));

        // 5. versions are numbered, hashed and immutable: the hash is the SHA-256 of the version's content
        JsonNode versions = tree(given().auth().oauth2(finance).get(REPORT + "/versions").then().statusCode(200)
                .extract().asString());
        assertEquals(2, versions.size());
        assertNotEquals(versions.get(0).get("contentHash").asText(), versions.get(1).get("contentHash").asText());
        for (JsonNode v : versions) {
            assertTrue(v.get("contentHash").asText().matches("[0-9a-f]{64}"));
            String content = given().auth().oauth2(finance).queryParam("format", "json")
                    .get(REPORT + "/versions/" + v.get("number").asInt()).then().statusCode(200).extract().asString();
            assertEquals(v.get("contentHash").asText(), ReportJson.hash(content));
        }
        String v1 = given().auth().oauth2(finance).queryParam("format", "html").get(REPORT + "/versions/1")
                .then().statusCode(200).extract().asString();
        assertFalse(v1.contains("全年处置网络违法和不良信息"), "version 1 stays as it was submitted");

        // 6. accepted; publication needs the approval date
        given().auth().oauth2(finance).contentType(ContentType.JSON).body("{}").post(REPORT + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(finance).contentType(ContentType.JSON).body("{}").post(REPORT + "/publish").then()
                .statusCode(409)
                .body("errors[0].field", equalTo("approvalDate"));
        given().get(PUBLIC).then().statusCode(404);

        // 7. the approval date sets the deadline: 25 days ago means 5 days overdue
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate approval = today.minusDays(25);
        given().auth().oauth2(finance).contentType(ContentType.JSON)
                .body("{\"approvalDate\":\"" + today.plusDays(3) + "\"}").put(REPORT + "/approval").then()
                .statusCode(400).body("errors[0].field", equalTo("approvalDate"));
        given().auth().oauth2(finance).contentType(ContentType.JSON).body("{\"approvalDate\":\"" + approval + "\"}")
                .put(REPORT + "/approval").then().statusCode(200)
                .body("publicationDue", equalTo(approval.plusDays(20).toString())).body("daysToDue", equalTo(-5));
        JsonNode due = tree(given().auth().oauth2(finance).get("/api/reports/due").then().statusCode(200).extract()
                .asString());
        JsonNode mine = find(due, SeedFixture.UNIT, YEAR);
        assertTrue(mine != null && mine.get("overdue").asBoolean() && mine.get("daysLeft").asInt() == -5,
                due.toString());
        given().auth().oauth2(reporter).get("/api/reports/due").then().statusCode(403);

        // 8. published: served without a token, without findings, in HTML, PDF and JSON
        given().auth().oauth2(finance).contentType(ContentType.JSON).body("{}").post(REPORT + "/publish").then()
                .statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedVersion", equalTo(2))
                .body("publicPath", equalTo(PUBLIC));
        JsonNode published = tree(given().queryParam("format", "json").get(PUBLIC).then().statusCode(200)
                .extract().asString());
        assertEquals("PUBLIC", published.get("variant").asText());
        assertEquals(0, published.get("findings").size());
        assertTrue(published.toString().contains("19531.57万元"));
        String html = given().accept("text/html").get(PUBLIC).then().statusCode(200).contentType("text/html")
                .extract().asString();
        assertTrue(html.contains("全年处置网络违法和不良信息"));
        assertFalse(html.contains("BUD-REVENUE-IDENTITY"));
        byte[] pdf = given().queryParam("format", "pdf").get(PUBLIC).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains("19393.072万元"));
            assertFalse(text.contains("BUD-REVENUE-IDENTITY"));
        }
        assertTrue(find(tree(given().auth().oauth2(finance).get("/api/reports/due").then().statusCode(200).extract()
                .asString()), SeedFixture.UNIT, YEAR) == null, "a published report is no longer due");

        // 9. every status change is an event
        for (String status : List.of("SUBMITTED", "RETURNED", "DRAFT", "ACCEPTED", "PUBLISHED")) {
            KafkaTopics.awaitRecord(Topics.REPORT_STATUS, r -> ("XZ-WXB:" + YEAR).equals(r.key())
                    && r.value().contains("\"status\":\"" + status + "\""), Duration.ofSeconds(30));
        }
        var publishedEvent = KafkaTopics.awaitRecord(Topics.REPORT_STATUS, r -> ("XZ-WXB:" + YEAR).equals(r.key())
                && r.value().contains("\"status\":\"PUBLISHED\""), Duration.ofSeconds(30));
        JsonNode event = tree(publishedEvent.value());
        assertEquals(versions.get(1).get("contentHash").asText(), event.at("/payload/contentHash").asText());
        assertEquals(approval.plusDays(20).toString(), event.at("/payload/publicationDue").asText());

        // 10. a later change to the figures makes a new draft; the published version stays public as it was
        BudgetSnapshot seed = SeedFixture.budget();
        BudgetDocument.Revenue r = seed.budget().revenue();
        BudgetDocument corrected = new BudgetDocument(new BudgetDocument.Revenue(new BigDecimal("187577120.00"),
                r.initialAllocation(), r.initialAllocationBySource(), r.carryover(), r.midYearAdditions(),
                r.yearEndRecoveries()), seed.budget().expenditure(), seed.budget().threePublicExpenses(), null,
                List.of(), List.of(), null, null);
        ReportApi.publishBudget(new BudgetSnapshot(SeedFixture.UNIT, YEAR, corrected, null, List.of()), 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> "DRAFT".equals(given().auth().oauth2(finance)
                .get(REPORT + "/status").then().statusCode(200).extract().path("status")));
        given().auth().oauth2(finance).get(REPORT + "/status").then().body("publishedVersion", equalTo(2));
        assertTrue(given().queryParam("format", "json").get(PUBLIC).then().statusCode(200).extract().asString()
                .contains("19531.57万元"));
        assertTrue(given().auth().oauth2(finance).queryParam("format", "json").get(REPORT).then().statusCode(200)
                .extract().asString().contains("18757.712万元"));

        JsonNode log = tree(given().auth().oauth2(reporter).get(REPORT + "/log").then().statusCode(200).extract()
                .asString());
        List<String> actions = new java.util.ArrayList<>();
        log.forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("submit", "return", "changed", "submit", "accept", "approval-date", "publish",
                "changed"), actions);
        assertEquals("approver", log.get(0).get("actor").asText());
        assertEquals("finance", log.get(1).get("actor").asText());

        // the audit trail has every write of a person, in order; the returns to a draft follow from writes in it
        // (the narratives here, the budget in budget-service's)
        JsonNode audit = tree(given().auth().oauth2(finance).get(REPORT + "/audit").then().statusCode(200).extract()
                .asString());
        List<String> audited = new java.util.ArrayList<>();
        audit.forEach(e -> audited.add(e.get("action").asText() + " " + e.get("username").asText()));
        assertEquals(List.of("narratives.put reporter", "explanation.put reporter", "explanation.put reporter",
                "explanation.put reporter", "report.submit approver", "report.return finance", "narratives.put reporter", "report.submit approver",
                "report.accept finance", "report.approval-date finance", "report.publish finance"), audited);
    }

    @Test
    void theFindingsEndpointListsEveryFindingWithItsOriginAndOtherUnitsAreRefused() {
        ReportApi.seed(SeedFixture.YEAR);
        String seed2024 = path(SeedFixture.UNIT, SeedFixture.YEAR);
        JsonNode findings = tree(given().auth().oauth2(user("clerk")).get(seed2024 + "/findings").then().statusCode(200)
                .extract().asString());
        assertTrue(findings.size() >= 5);
        assertTrue(find(findings, "BUD-REVENUE-IDENTITY").get("origin").asText().equals("budget"));
        assertTrue(find(findings, "ASSESS-DECLARED-TOTAL").get("origin").asText().equals("scores"));
        given().auth().oauth2(user("reporter-tjj")).get(seed2024 + "/status").then().statusCode(403);
        given().auth().oauth2(user("reporter-tjj")).contentType(ContentType.JSON).body("{\"explanation\":\"x\"}")
                .put(seed2024 + "/findings/BUD-REVENUE-IDENTITY/explanation").then().statusCode(403);
        given().get("/api/reports/public/units/XZ-NONE/years/2024").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** Whether report-service keeps what this report says now (only a report with a submitted version has it). */
    private static boolean contentKept() {
        return QuarkusTransaction.requiringNew().call(() -> ReportContent.count(
                "key.unitCode = ?1 and key.fiscalYear = ?2", SeedFixture.UNIT, YEAR)) > 0;
    }

    private static void explain(String token, String ruleId, String text) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"explanation\":\"" + text + "\"}")
                .put(REPORT + "/findings/" + ruleId + "/explanation").then().statusCode(200)
                .body("changed", equalTo(true));
    }

    private static JsonNode find(JsonNode due, String unit, int year) {
        for (JsonNode d : due) {
            if (d.get("unitCode").asText().equals(unit) && d.get("fiscalYear").asInt() == year) {
                return d;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode findings, String ruleId) {
        for (JsonNode f : findings) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no " + ruleId + " in " + findings);
    }
}
