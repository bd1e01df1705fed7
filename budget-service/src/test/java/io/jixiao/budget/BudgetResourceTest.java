package io.jixiao.budget;

import static io.jixiao.budget.BudgetApi.knownUnits;
import static io.jixiao.budget.BudgetApi.seedBudget;
import static io.jixiao.budget.BudgetApi.system;
import static io.jixiao.budget.BudgetApi.tree;
import static io.jixiao.budget.BudgetApi.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.audit.JsonDiff;
import io.jixiao.commons.printing.Figures;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The budget register over HTTP, on real PostgreSQL, Kafka and Keycloak. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "budget"))
class BudgetResourceTest {

    private static final String SEED_PATH = "/api/budget/units/XZ-WXB/years/2024/budget";


    @BeforeEach
    void units() {
        // not @BeforeAll: the HTTP port of the app under test is known per test
        knownUnits("XZ-WXB", "XZ-TJJ");
    }

    @Test
    void theSeedBudgetRoundTripsExactlyAndItsContradictionsAreFindings() {
        String system = system("xz-wxb-finance-system");
        given().auth().oauth2(system).contentType(ContentType.JSON).body(seedBudget())
                .put(SEED_PATH).then().statusCode(200);

        JsonNode held = tree(given().auth().oauth2(system).get(SEED_PATH).then().statusCode(200).extract().asString());
        assertEquals(List.of(), JsonDiff.diff(tree(seedBudget()), held.get("document")), "every figure as pushed");
        BigDecimal initial = held.at("/document/revenue/initialAllocation").decimalValue();
        assertEquals("19393.072", Figures.wan(initial), "the seed's 19393.072万元 survives exactly");
        assertEquals("service-account-xz-wxb-finance-system", held.get("updatedBy").asText());
        assertEquals("xz-wxb-finance-system", held.get("source").asText());

        Map<String, JsonNode> findings = new java.util.HashMap<>();
        held.get("findings").forEach(f -> findings.put(f.get("ruleId").asText(), f));
        // 19393.072 + 1294.22 + 561.02 − 2490.6 = 18757.712万元, stated 19531.57万元
        assertEquals("ERROR", findings.get("BUD-REVENUE-IDENTITY").get("severity").asText());
        assertEquals(0, new BigDecimal("7738580.00").compareTo(findings.get("BUD-REVENUE-IDENTITY").get("difference").decimalValue()));
        // 11630.16 + 1061.72 + 1505.71 = 14197.59万元, stated 18758.6万元
        assertEquals(0, new BigDecimal("45610100.00").compareTo(findings.get("BUD-EXPENDITURE-IDENTITY").get("difference").decimalValue()));
        // 其中 items explain 2156.62 of 2490.6万元
        assertEquals("WARNING", findings.get("BUD-RECOVERIES-ITEMS").get("severity").asText());
        assertEquals(0, new BigDecimal("3339800.00").compareTo(findings.get("BUD-RECOVERIES-ITEMS").get("difference").decimalValue()));
        assertFalse(findings.containsKey("BUD-EXECUTION-RATE"), "96.04% = 18758.6 ÷ 19531.57 holds");
        // 19531.57 − 18758.6 = 772.97万元 left, but 结转 1675.89万元 stated: 结余 (not stated) would be −902.92万元
        assertEquals("ERROR", findings.get("BUD-BALANCE").get("severity").asText());
        assertEquals(0, new BigDecimal("-9029200.00").compareTo(findings.get("BUD-BALANCE").get("difference").decimalValue()));
        // what cannot be checked is listed once, not as a finding per rule
        assertFalse(findings.containsKey("BUD-PERSONNEL-RATE"));
        String unchecked = findings.get("BUDGET-UNCHECKED").get("message").asText();
        assertTrue(unchecked.contains("人员经费支出进度 = 人员经费支出 ÷ 人员经费预算（未填报人员经费预算）"), unchecked);

        given().auth().oauth2(system).get("/api/budget/units/XZ-WXB/years/2024/findings").then().statusCode(200)
                .body("ruleId", hasItem("BUD-REVENUE-IDENTITY"));
    }

    @Test
    void aStatedPreviousYearFigureIsHeldAgainstTheYearBeforeTheRegisterHolds() {
        String system = system("xz-tjj-finance-system");
        ObjectNode before = (ObjectNode) tree(seedBudget()); // 总支出 18758.6万元
        given().auth().oauth2(system).contentType(ContentType.JSON).body(before.toString())
                .put("/api/budget/units/XZ-TJJ/years/2016/budget").then().statusCode(200);
        ObjectNode budget = (ObjectNode) tree(seedBudget());
        budget.putArray("changes").addObject().put("figure", "expenditure.total")
                .put("previous", new BigDecimal("180000000.00")); // says the year before spent 18000万元
        given().auth().oauth2(system).contentType(ContentType.JSON).body(budget.toString())
                .put("/api/budget/units/XZ-TJJ/years/2017/budget").then().statusCode(200)
                .body("findings.find { it.ruleId == 'BUD-CHANGE-PRIOR-YEAR' }.severity", equalTo("WARNING"))
                .body("findings.find { it.ruleId == 'BUD-CHANGE-PRIOR-YEAR' }.message",
                        containsString("上年度文件为 18758.6万元"));
        // as the year before's own document states it: nothing to say
        budget.withArray("changes").removeAll();
        budget.withArray("changes").addObject().put("figure", "expenditure.total")
                .put("previous", new BigDecimal("187586000.00"));
        given().auth().oauth2(system).contentType(ContentType.JSON).body(budget.toString())
                .put("/api/budget/units/XZ-TJJ/years/2017/budget").then().statusCode(200)
                .body("findings.ruleId", not(hasItem("BUD-CHANGE-PRIOR-YEAR")));
    }

    @Test
    void everyChangeIsAVersionWithWhoWhatAndFromWhere() {
        String system = system("xz-wxb-finance-system");
        String path = "/api/budget/units/XZ-WXB/years/2022/budget";
        ObjectNode budget = (ObjectNode) tree(seedBudget());
        int v1 = given().auth().oauth2(system).contentType(ContentType.JSON).body(budget.toString())
                .put(path).then().statusCode(200).extract().path("version");
        given().auth().oauth2(system).contentType(ContentType.JSON).body(budget.toString())
                .put(path).then().statusCode(200).body("version", equalTo(v1)).body("changed", equalTo(false));
        budget.with("revenue").put("carryover", new BigDecimal("12942300.00"));
        given().auth().oauth2(system).header("X-Request-Id", "push-42").contentType(ContentType.JSON)
                .body(budget.toString()).put(path).then().statusCode(200).body("version", equalTo(v1 + 1))
                .header("X-Request-Id", "push-42");

        JsonNode history = tree(given().auth().oauth2(user("finance")).get(path + "/history").then().statusCode(200)
                .extract().asString());
        assertEquals(2, history.size());
        JsonNode last = history.get(1);
        assertEquals("push-42", last.get("requestId").asText());
        assertEquals("xz-wxb-finance-system", last.get("source").asText());
        assertEquals(1, last.get("changes").size());
        JsonNode change = last.get("changes").get(0);
        assertEquals("revenue.carryover", change.get("path").asText());
        assertEquals(0, new BigDecimal("12942200.00").compareTo(change.get("oldValue").decimalValue()));
        assertEquals(0, new BigDecimal("12942300.00").compareTo(change.get("newValue").decimalValue()));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesADifferentRequest() {
        String system = system("xz-wxb-finance-system");
        String path = "/api/budget/units/XZ-WXB/years/2021/budget";
        int version = given().auth().oauth2(system).header("Idempotency-Key", "k-2021").contentType(ContentType.JSON)
                .body(seedBudget()).put(path).then().statusCode(200).extract().path("version");
        given().auth().oauth2(system).header("Idempotency-Key", "k-2021").contentType(ContentType.JSON)
                .body(seedBudget()).put(path).then().statusCode(200).body("version", equalTo(version))
                .body("changed", equalTo(true));
        ObjectNode other = (ObjectNode) tree(seedBudget());
        other.with("revenue").put("carryover", new BigDecimal("1.00"));
        given().auth().oauth2(system).header("Idempotency-Key", "k-2021").contentType(ContentType.JSON)
                .body(other.toString()).put(path).then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(system).get(path + "/history").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void badInputIsAProblemNamingEachFieldAndStoresNothing() {
        String system = system("xz-wxb-finance-system");
        String path = "/api/budget/units/XZ-WXB/years/2020/budget";
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"{\"revenue\": {", "body"});
        cases.add(new String[] {"[1, 2", "body"});
        cases.add(new String[] {replace("\"allocatedTotal\": 195315700.00", "\"allocatedTotal\": \"lots\""), "revenue.allocatedTotal"});
        cases.add(new String[] {replace("\"carryover\": 12942200.00", "\"carryover\": -12942200.00"), "revenue.carryover"});
        cases.add(new String[] {replace("\"midYearAdditions\": 5610200.00", "\"midYearAdditions\": 5610200.005"), "revenue.midYearAdditions"});
        cases.add(new String[] {replace("\"carryover\": 12942200.00", "\"carryover\": 12942200.00, \"colour\": 1"), "revenue.colour"});
        cases.add(new String[] {replace("\"allocatedTotal\": 195315700.00", "\"allocatedTotal\": 1e30"), "revenue.allocatedTotal"});
        cases.add(new String[] {replace("\"allocatedTotal\": 195315700.00", "\"allocatedTotal\": NaN"), "body"});
        cases.add(new String[] {replace("\"executionRatePercent\": 96.04", "\"executionRatePercent\": 9604"), "expenditure.executionRatePercent"});
        cases.add(new String[] {replace("\"monthlyExecution\": []", "\"monthlyExecution\": [{\"month\": 13, \"cumulativeExpenditure\": 1}]"), "monthlyExecution[0].month"});
        cases.add(new String[] {replace("\"monthlyExecution\": []", "\"monthlyExecution\": [{\"month\": 3, \"cumulativeExpenditure\": 1}, {\"month\": 3, \"cumulativeExpenditure\": 2}]"), "monthlyExecution[1].month"});
        cases.add(new String[] {replace("\"items\": []", "\"items\": [{\"kind\": \"YACHTS\", \"actual\": 1}]"), "threePublicExpenses.items[0].kind"});
        cases.add(new String[] {"{\"expenditure\": {\"total\": -1}}", "expenditure.total"});
        cases.add(new String[] {replace("\"monthlyExecution\": []", "\"monthlyExecution\": [{\"month\": null, \"cumulativeExpenditure\": 1}]"), "monthlyExecution[0].month"});
        cases.add(new String[] {replace("\"monthlyExecution\": []", "\"monthlyExecution\": [{\"cumulativeExpenditure\": 1}]"), "monthlyExecution[0].month"});
        cases.add(new String[] {replace("\"monthlyExecution\": []", "\"monthlyExecution\": [], \"changes\": [{\"figure\": \"revenue.colour\", \"change\": 1}]"), "changes[0].figure"});
        cases.add(new String[] {replace("\"monthlyExecution\": []", "\"monthlyExecution\": [], \"changes\": [{\"figure\": \"expenditure.total\", \"ratePercent\": -101}]"), "changes[0].ratePercent"});
        cases.add(new String[] {replace("\"monthlyExecution\": []", "\"monthlyExecution\": [], \"finalAccounts\": {\"functionalLines\": [{\"code\": \"20A\", \"name\": \"行政运行\"}]}"), "finalAccounts.functionalLines[0].code"});
        cases.add(new String[] {replace("\"monthlyExecution\": []", "\"monthlyExecution\": [], \"finalAccounts\": {\"income\": {\"other\": -1}}"), "finalAccounts.income.other"});
        for (String[] c : cases) {
            given().auth().oauth2(system).contentType(ContentType.JSON).body(c[0]).put(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(c[1]));
        }
        // what a client reads: the field and what it must be, never the words of the library that read it
        given().auth().oauth2(system).contentType(ContentType.JSON)
                .body(replace("\"allocatedTotal\": 195315700.00", "\"allocatedTotal\": \"lots\"")).put(path).then()
                .statusCode(400).body("errors[0].field", equalTo("revenue.allocatedTotal"))
                .body("errors[0].message", equalTo("must be a number"))
                .body("detail", equalTo("revenue.allocatedTotal: must be a number"));
        given().auth().oauth2(system).contentType(ContentType.JSON)
                .body(replace("\"monthlyExecution\": []", "\"monthlyExecution\": [{\"month\": null, \"cumulativeExpenditure\": 1}]"))
                .put(path).then().statusCode(400).body("errors[0].message", equalTo("required"));
        given().auth().oauth2(system).contentType(ContentType.JSON)
                .body(replace("\"items\": []", "\"items\": [{\"kind\": \"YACHTS\", \"actual\": 1}]")).put(path).then()
                .statusCode(400).body("errors[0].message", equalTo(
                        "must be one of OVERSEAS_TRAVEL, VEHICLE_PURCHASE, VEHICLE_OPERATION, RECEPTION"));
        given().auth().oauth2(system).contentType(ContentType.JSON).body("{\"changes\": [{\"change\": 1}]}").put(path)
                .then().statusCode(400).body("errors.find { it.field == 'changes[0].figure' }.message",
                        equalTo("required"));
        for (String year : new String[] {"1999", "2999", "0"}) {
            given().auth().oauth2(system).contentType(ContentType.JSON).body(seedBudget())
                    .put("/api/budget/units/XZ-WXB/years/" + year + "/budget")
                    .then().statusCode(400).body("errors.field", hasItem("fiscalYear"));
        }
        given().auth().oauth2(system).contentType(ContentType.JSON).body(seedBudget())
                .put("/api/budget/units/XZ-WXB/years/twenty/budget").then().statusCode(404);
        // a unit that has not reached budget-service (registered a moment ago, or never): its own reporter is told to
        // try again shortly, never that the unit "is not registered", which budget-service cannot know
        given().auth().oauth2(user("reporter-kjt")).contentType(ContentType.JSON).body(seedBudget())
                .put("/api/budget/units/XZ-KJT/years/2020/budget").then().statusCode(409)
                .header("Retry-After", "2")
                .body("type", equalTo("urn:jixiao:problem:unit-not-yet-known"))
                .body("detail", containsString("has not reached budget-service from the units register"))
                .body("detail", not(containsString("is registered")))
                .body("errors[0].field", equalTo("unitCode"));
        // a body over the size limit
        String huge = "{\"revenue\": {\"allocatedTotal\": 1" + "0".repeat(11 * 1024 * 1024) + "}}";
        given().auth().oauth2(system).contentType(ContentType.JSON).body(huge).put(path).then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo("urn:jixiao:problem:payload-too-large"))
                .body("errors[0].field", equalTo("body"));

        given().auth().oauth2(system).get(path).then().statusCode(404);
        given().auth().oauth2(system).get(path + "/history").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void tokensReachTheirOwnUnitOnlyAndFinanceReadsButNeverWrites() {
        given().auth().oauth2(system("xz-wxb-finance-system")).contentType(ContentType.JSON).body(seedBudget())
                .put(SEED_PATH).then().statusCode(200);
        given().auth().oauth2(user("reporter")).get(SEED_PATH).then().statusCode(200);
        given().auth().oauth2(user("finance")).get(SEED_PATH).then().statusCode(200);

        String foreign = "/api/budget/units/XZ-TJJ/years/2024/budget";
        given().auth().oauth2(user("reporter")).contentType(ContentType.JSON).body(seedBudget()).put(foreign)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(system("xz-wxb-finance-system")).get(foreign).then().statusCode(403);
        given().auth().oauth2(system("xz-tjj-finance-system")).get(SEED_PATH).then().statusCode(403);
        given().auth().oauth2(user("finance")).contentType(ContentType.JSON).body(seedBudget()).put(SEED_PATH)
                .then().statusCode(403);
        given().auth().oauth2(user("approver")).contentType(ContentType.JSON).body(seedBudget()).put(SEED_PATH)
                .then().statusCode(403);
        given().auth().oauth2(system("nounit-system")).get(SEED_PATH).then().statusCode(403);
        given().contentType(ContentType.JSON).body(seedBudget()).put(SEED_PATH).then().statusCode(401);
        given().auth().oauth2(system("xz-tjj-finance-system")).get(foreign).then().statusCode(404)
                .body("type", equalTo("urn:jixiao:problem:not-found"));
    }

    @Test
    void aBatchIsAllOrNothing() {
        String system = system("xz-wxb-finance-system");
        String good = seedBudget();
        String bad = replace("\"carryover\": 12942200.00", "\"carryover\": -1");
        given().auth().oauth2(system).contentType(ContentType.JSON)
                .body("{\"items\": [{\"unitCode\": \"XZ-WXB\", \"fiscalYear\": 2019, \"budget\": " + good + "},"
                        + "{\"unitCode\": \"XZ-WXB\", \"fiscalYear\": 2018, \"budget\": " + bad + "}]}")
                .post("/api/budget/budgets/batch").then().statusCode(400)
                .body("errors.field", hasItem("items[1].budget.revenue.carryover"));
        given().auth().oauth2(system).get("/api/budget/units/XZ-WXB/years/2019/budget").then().statusCode(404);
        given().auth().oauth2(system).contentType(ContentType.JSON)
                .body("{\"items\": [{\"unitCode\": \"XZ-WXB\", \"fiscalYear\": 2019, \"budget\": " + good + "},"
                        + "{\"unitCode\": \"XZ-TJJ\", \"fiscalYear\": 2019, \"budget\": " + good + "}]}")
                .post("/api/budget/budgets/batch").then().statusCode(403);
        given().auth().oauth2(system).get("/api/budget/units/XZ-WXB/years/2019/budget").then().statusCode(404);
        given().auth().oauth2(system).contentType(ContentType.JSON)
                .body("{\"items\": [{\"unitCode\": \"XZ-WXB\", \"fiscalYear\": 2019, \"budget\": " + good + "},"
                        + "{\"unitCode\": \"XZ-WXB\", \"fiscalYear\": 2017, \"budget\": " + good + "}]}")
                .post("/api/budget/budgets/batch").then().statusCode(200).body("size()", equalTo(2))
                .body("[1].fiscalYear", equalTo(2017));
    }

    private static String replace(String from, String to) {
        String seed = seedBudget();
        if (!seed.contains(from)) {
            throw new IllegalArgumentException("the seed has no " + from);
        }
        return seed.replace(from, to);
    }
}
