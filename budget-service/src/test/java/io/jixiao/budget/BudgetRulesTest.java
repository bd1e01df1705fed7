package io.jixiao.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.reconciliation.Reconciler;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every budget rule of {@code reconciliation/budget.yaml} stays silent on consistent figures and fires on a
 * contradiction crafted for it, with the figures, expected and stated values, and the difference.
 */
class BudgetRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Reconciler reconciler = new Reconciler(RuleSet.load("budget"));

    /** A budget whose figures all agree (yuan): 1000 = 900 + 100 + 50 − 50; 800 = 500 + 100 + 200 … */
    static ObjectNode consistent() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"revenue": {"allocatedTotal": 10000000.00, "initialAllocation": 9000000.00,
                   "initialAllocationBySource": [{"source": "一般公共预算财政拨款", "amount": 9000000.00}],
                   "carryover": 1000000.00, "midYearAdditions": 500000.00,
                   "yearEndRecoveries": {"total": 500000.00, "items": [{"category": "人员经费", "amount": 300000.00},
                                                                      {"category": "机动金", "amount": 200000.00}]}},
                 "expenditure": {"total": 8000000.00, "carriedForward": 1500000.00, "surplus": 500000.00,
                   "executionRatePercent": 80.00,
                   "personnel": {"budget": 5000000.00, "actual": 5000000.00, "ratePercent": 100},
                   "publicFunds": {"budget": 1250000.00, "actual": 1000000.00, "ratePercent": 80},
                   "projects": {"budget": 2500000.00, "actual": 2000000.00, "ratePercent": 80}},
                 "threePublicExpenses": {"budget": 100000.00, "actual": 90000.00,
                   "items": [{"kind": "VEHICLE_OPERATION", "budget": 80000.00, "actual": 75000.00},
                             {"kind": "RECEPTION", "budget": 20000.00, "actual": 15000.00}]},
                 "governmentProcurement": {"budget": 400000.00, "actual": 350000.00},
                 "projects": [{"code": "P1", "name": "网信技术设施服务保障项目", "budget": 1500000.00, "actual": 1200000.00, "key": true},
                              {"code": "P2", "name": "网络安全宣传周", "budget": 1000000.00, "actual": 800000.00, "key": false}],
                 "derived": {"decemberCumulative": 8000000.00}}
                """);
    }

    @Test
    void consistentFiguresRaiseNothing() throws Exception {
        List<Finding> findings = reconciler.check(consistent());
        assertEquals(List.of(), findings);
    }

    static List<Arguments> contradictions() {
        return List.of(
                Arguments.of("BUD-REVENUE-IDENTITY", Severity.ERROR, "-1000000.00",
                        (Consumer<ObjectNode>) d -> rev(d).put("carryover", new BigDecimal("2000000.00"))),
                Arguments.of("BUD-INITIAL-BY-SOURCE", Severity.ERROR, "-1000.00", (Consumer<ObjectNode>) d ->
                        ((ObjectNode) rev(d).withArray("initialAllocationBySource").get(0))
                                .put("amount", new BigDecimal("9001000.00"))),
                Arguments.of("BUD-RECOVERIES-ITEMS", Severity.WARNING, "100000.00", (Consumer<ObjectNode>) d ->
                        ((ObjectNode) rev(d).with("yearEndRecoveries").withArray("items").get(1))
                                .put("amount", new BigDecimal("100000.00"))),
                Arguments.of("BUD-EXPENDITURE-IDENTITY", Severity.ERROR, "-1000000.00", (Consumer<ObjectNode>) d -> {
                    exp(d).with("publicFunds").put("actual", new BigDecimal("2000000.00"));
                    exp(d).with("publicFunds").put("ratePercent", new BigDecimal("160"));
                }),
                Arguments.of("BUD-EXECUTION-RATE", Severity.ERROR, "16.04",
                        (Consumer<ObjectNode>) d -> exp(d).put("executionRatePercent", new BigDecimal("96.04"))),
                Arguments.of("BUD-BALANCE", Severity.ERROR, "-400000.00",
                        (Consumer<ObjectNode>) d -> exp(d).put("surplus", new BigDecimal("900000.00"))),
                Arguments.of("BUD-PERSONNEL-RATE", Severity.ERROR, "-10",
                        (Consumer<ObjectNode>) d -> exp(d).with("personnel").put("ratePercent", new BigDecimal("90"))),
                Arguments.of("BUD-PUBLIC-RATE", Severity.ERROR, "20",
                        (Consumer<ObjectNode>) d -> exp(d).with("publicFunds").put("ratePercent", new BigDecimal("100"))),
                Arguments.of("BUD-PROJECTS-RATE", Severity.ERROR, "0.65",
                        (Consumer<ObjectNode>) d -> exp(d).with("projects").put("ratePercent", new BigDecimal("80.65"))),
                Arguments.of("BUD-PROJECTS-ACTUAL-LIST", Severity.ERROR, "-500000.00", (Consumer<ObjectNode>) d ->
                        ((ObjectNode) d.withArray("projects").get(0)).put("actual", new BigDecimal("1700000.00"))),
                Arguments.of("BUD-PROJECTS-BUDGET-LIST", Severity.WARNING, "500000.00", (Consumer<ObjectNode>) d ->
                        ((ObjectNode) d.withArray("projects").get(1)).put("budget", new BigDecimal("500000.00"))),
                Arguments.of("BUD-THREE-PUBLIC-ITEMS", Severity.ERROR, "-10000.00", (Consumer<ObjectNode>) d ->
                        ((ObjectNode) d.with("threePublicExpenses").withArray("items").get(0))
                                .put("actual", new BigDecimal("85000.00"))),
                Arguments.of("BUD-THREE-PUBLIC-BUDGET-ITEMS", Severity.WARNING, "10000.00", (Consumer<ObjectNode>) d ->
                        ((ObjectNode) d.with("threePublicExpenses").withArray("items").get(1))
                                .put("budget", new BigDecimal("10000.00"))),
                Arguments.of("BUD-THREE-PUBLIC-WITHIN-BUDGET", Severity.WARNING, "20000.00", (Consumer<ObjectNode>) d -> {
                    d.with("threePublicExpenses").put("budget", new BigDecimal("70000.00"));
                    ((ArrayNode) d.with("threePublicExpenses").withArray("items")).removeAll();
                }),
                Arguments.of("BUD-PROCUREMENT-WITHIN-BUDGET", Severity.WARNING, "50000.00", (Consumer<ObjectNode>) d ->
                        d.with("governmentProcurement").put("actual", new BigDecimal("450000.00"))),
                Arguments.of("BUD-SPENDING-WITHIN-ALLOCATION", Severity.WARNING, "1000000.00", (Consumer<ObjectNode>) d -> {
                    exp(d).put("total", new BigDecimal("11000000.00"));
                    exp(d).remove("executionRatePercent");
                    exp(d).with("projects").put("actual", new BigDecimal("5000000.00"));
                    exp(d).with("projects").remove("ratePercent");
                    exp(d).remove("carriedForward");
                    d.withArray("projects").removeAll();
                    d.remove("derived");
                }),
                Arguments.of("BUD-MONTHLY-YEAR-END", Severity.WARNING, "100000.00",
                        (Consumer<ObjectNode>) d -> d.with("derived").put("decemberCumulative", new BigDecimal("7900000.00"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contradictions")
    void eachRuleFiresOnItsContradiction(String ruleId, Severity severity, String difference,
            Consumer<ObjectNode> contradict) throws Exception {
        ObjectNode budget = consistent();
        contradict.accept(budget);
        List<Finding> findings = reconciler.check(budget).stream()
                .filter(f -> f.severity() != Severity.INFO).toList();
        List<Finding> fired = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertEquals(1, fired.size(), ruleId + " should fire once; findings: " + findings);
        Finding f = fired.get(0);
        assertEquals(severity, f.severity());
        assertEquals(0, new BigDecimal(difference).compareTo(f.difference()), "difference of " + ruleId);
        assertTrue(f.figures().size() >= 2, "names the figures involved");
        assertEquals(0, f.stated().subtract(f.expected()).compareTo(f.difference()), "difference = stated − expected");
    }

    @Test
    void aCheckWithMissingFiguresSaysWhichInsteadOfGuessing() throws Exception {
        ObjectNode budget = consistent();
        exp(budget).with("personnel").putNull("budget");
        exp(budget).remove("surplus");
        List<Finding> findings = reconciler.check(budget);
        assertEquals(List.of("BUDGET-UNCHECKED"), findings.stream().map(Finding::ruleId).toList(),
                "no contradiction, one list of what could not be checked");
        Finding info = findings.get(0);
        assertEquals(Severity.INFO, info.severity());
        assertEquals("未能核对：财政下达资金指标 = 财政资金总支出 + 结转资金 + 结余资金（未填报结余资金）；"
                + "人员经费支出进度 = 人员经费支出 ÷ 人员经费预算（未填报人员经费预算）", info.message());
    }

    @Test
    void statedChangesFromTheYearBeforeAreHeldAgainstThisYearsFigures() throws Exception {
        // 大英县文广旅局 2022 (docs/fixture-sources): 本年支出 4143.91万元, "减少2570.97万元，下降38.28%": the year
        // before was 4143.91 + 2570.97 = 6714.88, and 2570.97 ÷ 6714.88 = 38.2877 %, cut off to 38.28: consistent
        ObjectNode budget = consistent();
        exp(budget).put("total", new BigDecimal("41439100.00"));
        budget.putArray("changes").addObject().put("figure", "expenditure.total")
                .put("change", new BigDecimal("-25709700.00")).put("ratePercent", new BigDecimal("-38.28"));
        assertEquals(Set.of(), changeRules(budget));
        // the same with 上年数 stated, and a rate off by more than its last place
        ObjectNode change = (ObjectNode) budget.withArray("changes").get(0);
        change.put("previous", new BigDecimal("67148800.00")).put("ratePercent", new BigDecimal("-38.26"));
        Finding rate = only(budget, "BUD-CHANGE-RATE");
        assertEquals(0, new BigDecimal("-38.29").compareTo(rate.expected()));
        assertTrue(rate.message().contains("财政资金总支出增长率 填报 -38.26%"), rate.message());
        // a 增减额 that is not this year − 上年数
        change.put("ratePercent", new BigDecimal("-38.27")).put("change", new BigDecimal("-25700000.00"));
        Finding amount = only(budget, "BUD-CHANGE-AMOUNT");
        assertEquals(0, new BigDecimal("9700.00").compareTo(amount.difference()));
    }

    @Test
    void aStatedPreviousYearFigureIsHeldAgainstThatYearsOwnDocumentWhereThePlatformHoldsIt() throws Exception {
        // 本年支出 4143.91万元, "减少2570.97万元": the year before was 6714.88万元 by this year's report
        ObjectNode budget = consistent();
        exp(budget).put("total", new BigDecimal("41439100.00"));
        budget.putArray("changes").addObject().put("figure", "expenditure.total")
                .put("change", new BigDecimal("-25709700.00"));
        assertEquals(Set.of(), changeRules(budget), "no document of the year before held: nothing to hold it against");

        ObjectNode priorYear = consistent();
        exp(priorYear).put("total", new BigDecimal("67148800.00"));
        budget.set(Reconciler.PRIOR_YEAR, priorYear);
        assertEquals(Set.of(), changeRules(budget), "4143.91 + 2570.97 = 6714.88, as the year before's own report");

        exp(priorYear).put("total", new BigDecimal("67048800.00")); // the year before's report says 6704.88
        Finding implied = only(budget, "BUD-CHANGE-PRIOR-YEAR");
        assertEquals(Severity.WARNING, implied.severity());
        assertEquals(0, new BigDecimal("100000.00").compareTo(implied.difference()));
        assertTrue(implied.message().contains("上年度文件为 6704.88万元"), implied.message());

        // a stated 上年数 is the one compared; the year before's document not stating the figure says nothing
        ((ObjectNode) budget.withArray("changes").get(0)).put("previous", new BigDecimal("67048800.00"))
                .put("change", new BigDecimal("-25609700.00"));
        assertEquals(Set.of(), changeRules(budget));
        exp(priorYear).remove("total");
        assertEquals(Set.of(), changeRules(budget));
    }

    /** 大英县文广旅局 2022 (docs/fixture-sources/B/sc-daying-wglj-2022) in the final-accounts structure, in yuan. */
    private static ObjectNode dayingFinalAccounts(ObjectNode budget) {
        ObjectNode accounts = budget.putObject("finalAccounts");
        ObjectNode income = accounts.putObject("income");
        income.putObject("fiscal").put("total", new BigDecimal("38591600.00"))
                .put("generalPublicBudget", new BigDecimal("38591600.00")).put("governmentFunds", 0)
                .put("stateCapital", 0);
        income.put("superiorSubsidy", 0).put("business", 0).put("operating", 0).put("fromAffiliates", 0)
                .put("other", new BigDecimal("2663300.00")).put("currentYearTotal", new BigDecimal("41254900.00"));
        ObjectNode spending = accounts.putObject("expenditure");
        spending.putObject("basic").put("total", new BigDecimal("11402700.00"));
        spending.put("projects", new BigDecimal("30036400.00")).put("toSuperior", 0).put("operating", 0)
                .put("subsidiesToAffiliates", 0).put("currentYearTotal", new BigDecimal("41439100.00"));
        return accounts;
    }

    @Test
    void theFinalAccountsOfAConsistentCountyBureauReconcileAndWhatItDoesNotStateIsListed() throws Exception {
        // 3859.16 + 0 + 0 + 0 + 0 + 0 + 0 + 266.33 = 4125.49; 1140.27 + 3003.64 + 0 + 0 + 0 = 4143.91 (万元)
        ObjectNode budget = consistent();
        dayingFinalAccounts(budget);
        List<Finding> findings = reconciler.check(budget);
        assertEquals(List.of(), findings.stream().filter(f -> f.ruleId().startsWith("FA-")).toList());
        String unchecked = findings.stream().filter(f -> f.ruleId().equals("BUDGET-UNCHECKED")).findFirst()
                .orElseThrow().message();
        // its 收、支总计 are not stated (the report's "总计" are its 本年合计), nor are 人员经费 and 公用经费
        assertTrue(unchecked.contains("收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余（未填报收入总计"), unchecked);
        assertTrue(unchecked.contains("基本支出 = 人员经费 + 公用经费（未填报人员经费、未填报公用经费）"), unchecked);
        // 财政资金总支出 800万元 of the consistent budget within 本年支出合计 4143.91万元
        assertTrue(findings.stream().noneMatch(f -> f.ruleId().equals("FA-FISCAL-SPENDING-WITHIN-TOTAL")));

        // read with its labels, "收、支总计各是4125.49,4143.91万元" would be totals that differ by 18.42万元
        ObjectNode misread = consistent();
        ObjectNode accounts = dayingFinalAccounts(misread);
        accounts.with("income").put("grandTotal", new BigDecimal("41254900.00"));
        accounts.with("expenditure").put("grandTotal", new BigDecimal("41439100.00"));
        Finding totals = reconciler.check(misread).stream().filter(f -> f.ruleId().equals("FA-GRAND-TOTALS"))
                .findFirst().orElseThrow();
        assertEquals(Severity.ERROR, totals.severity());
        assertEquals(0, new BigDecimal("-184200").compareTo(totals.difference()));
        // a functional line whose basic and project spending do not add up
        accounts.putArray("functionalLines").addObject().put("code", "2070101").put("name", "行政运行")
                .put("total", new BigDecimal("5000000.00")).put("basic", new BigDecimal("4000000.00"))
                .put("projects", new BigDecimal("900000.00"));
        assertTrue(reconciler.check(misread).stream().anyMatch(f -> f.ruleId().equals("FA-FUNCTIONAL-LINE")
                && "finalAccounts.functionalLines[0]".equals(f.subject())));
    }

    private Set<String> changeRules(ObjectNode budget) {
        return reconciler.check(budget).stream().map(Finding::ruleId).filter(id -> id.startsWith("BUD-CHANGE"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private Finding only(ObjectNode budget, String ruleId) {
        List<Finding> fired = reconciler.check(budget).stream().filter(f -> f.ruleId().startsWith("BUD-CHANGE"))
                .toList();
        assertEquals(List.of(ruleId), fired.stream().map(Finding::ruleId).toList(), fired.toString());
        return fired.get(0);
    }

    @Test
    void aStatedCarryForwardBeyondWhatIsLeftOfTheAllocationIsAContradiction() throws Exception {
        // 结余 not stated: 下达 1000.00 − 支出 800.00 leaves 200.00万元, but 结转 250.00万元 is stated, so 结余 would be
        // −50.00万元 (the seed's shape: 19531.57 − 18758.60 = 772.97 against 结转 1675.89)
        ObjectNode budget = consistent();
        exp(budget).remove("surplus");
        exp(budget).put("carriedForward", new BigDecimal("2500000.00"));
        Finding balance = reconciler.check(budget).stream().filter(f -> f.ruleId().equals("BUD-BALANCE"))
                .findFirst().orElseThrow();
        assertEquals(Severity.ERROR, balance.severity());
        assertEquals(0, new BigDecimal("-500000").compareTo(balance.difference()));
        assertTrue(balance.message().contains("未填报的结余资金须为 -50万元，不可能为负"), balance.message());
    }

    @Test
    void aDifferenceWithinRoundingIn10kYuanIsNoFinding() throws Exception {
        ObjectNode budget = consistent();
        rev(budget).put("allocatedTotal", new BigDecimal("10000100.00")); // 0.01万元 off: rounding
        exp(budget).put("executionRatePercent", new BigDecimal("79.99"));
        exp(budget).put("surplus", new BigDecimal("500100.00"));
        assertEquals(List.of(), reconciler.check(budget));
    }

    private static ObjectNode rev(ObjectNode d) {
        return d.with("revenue");
    }

    private static ObjectNode exp(ObjectNode d) {
        return d.with("expenditure");
    }
}
