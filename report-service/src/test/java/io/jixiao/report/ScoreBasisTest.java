package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.tree;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report never mixes versions: it states the versions of the figures it shows and of those its scores rest on,
 * and it is not submitted while they differ — whether the new figures arrived before their score or the score before
 * the figures. Events are published the way their owners publish them, on the seed's figures for 2022.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ScoreBasisTest {

    private static final int YEAR = 2022;
    private static final String REPORT = path(SeedFixture.UNIT, YEAR);

    @Test
    void aReportIsSubmittedOnlyWhenItsScoresRestOnTheFiguresItShows() {
        ReportApi.seed(YEAR);
        String reporter = user("reporter");
        String approver = user("approver");
        String finance = user("finance");
        explain(reporter, "BUD-REVENUE-IDENTITY");
        explain(reporter, "BUD-EXPENDITURE-IDENTITY");
        explain(reporter, "BUD-BALANCE");

        // the seed: budget, staff and assets v1, scored on v1: nothing pending, and the report says so
        given().auth().oauth2(finance).get(REPORT + "/status").then().statusCode(200)
                .body("scorePending", empty());
        JsonNode report = json(finance);
        assertEquals(0, report.at("/basis/pending").size(), report.get("basis").toString());
        assertTrue(report.at("/basis/statement").asText().contains("预算收支及执行第1版"), report.toString());
        assertTrue(report.at("/basis/statement").asText().contains("依据：预算收支及执行第1版，人员情况第1版，资产情况第1版"));

        // a new budget arrives before its score: the report shows v2 beside scores of v1, and is not submitted
        ReportApi.publishBudget(budget("187577120.00"), 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> !given().auth().oauth2(finance).get(REPORT + "/status")
                .then().statusCode(200).extract().<List<String>>path("scorePending").isEmpty());
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", equalTo("urn:jixiao:problem:score-pending"))
                .body("errors.message", hasItem("预算收支及执行：报告为第2版，评分依据第1版"));
        assertTrue(given().auth().oauth2(finance).accept("text/html").get(REPORT).then().statusCode(200).extract()
                .asString().contains("自评得分尚未依据本报告所列的最新数据（预算收支及执行：报告为第2版，评分依据第1版）"));

        // its score arrives: submitted, and the submitted version rests on one set of versions
        ReportApi.publishScores(SeedFixture.UNIT, YEAR, SeedFixture.basis(2, 1, 1), 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(finance).get(REPORT + "/status")
                .then().statusCode(200).extract().<List<String>>path("scorePending").isEmpty());
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        JsonNode submitted = tree(given().auth().oauth2(finance).queryParam("format", "json")
                .get(REPORT + "/versions/1").then().statusCode(200).extract().asString());
        assertEquals(0, submitted.at("/basis/pending").size());
        assertTrue(submitted.at("/basis/statement").asText().contains("预算收支及执行第2版"));

        // a score of figures this service has not received yet: pending the other way round
        given().auth().oauth2(finance).contentType(ContentType.JSON).body("{\"comment\":\"请核实\"}")
                .post(REPORT + "/return").then().statusCode(200);
        ReportApi.publishScores(SeedFixture.UNIT, YEAR, SeedFixture.basis(3, 1, 1), 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> !given().auth().oauth2(finance).get(REPORT + "/status")
                .then().statusCode(200).extract().<List<String>>path("scorePending").isEmpty());
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(409)
                .body("detail", containsString("预算收支及执行：报告为第2版，评分依据第3版"));
        ReportApi.publishBudget(budget("187577121.00"), 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(finance).get(REPORT + "/status")
                .then().statusCode(200).extract().<List<String>>path("scorePending").isEmpty());
        given().auth().oauth2(approver).post(REPORT + "/submit").then().statusCode(200)
                .body("latestVersion", equalTo(2));
    }

    private static JsonNode json(String token) {
        return tree(given().auth().oauth2(token).queryParam("format", "json").get(REPORT).then().statusCode(200)
                .extract().asString());
    }

    private static BudgetSnapshot budget(String allocated) {
        BudgetSnapshot seed = SeedFixture.budget();
        BudgetDocument.Revenue r = seed.budget().revenue();
        BudgetDocument changed = new BudgetDocument(new BudgetDocument.Revenue(new BigDecimal(allocated),
                r.initialAllocation(), r.initialAllocationBySource(), r.carryover(), r.midYearAdditions(),
                r.yearEndRecoveries()), seed.budget().expenditure(), seed.budget().threePublicExpenses(), null,
                List.of(), List.of(), null, null);
        return new BudgetSnapshot(SeedFixture.UNIT, YEAR, changed, null, seed.findings());
    }

    private static void explain(String token, String ruleId) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"explanation\":\"已核实，差额为口径不同所致\"}")
                .put(REPORT + "/findings/" + ruleId + "/explanation").then().statusCode(200);
    }
}
