package io.jixiao.commons.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What is stated is checked, what is not is listed once (DESIGN §6). The documents are in yuan as pushed; the
 * expected findings are worked out by hand in each test's comments.
 */
class ReconcilerTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Reconciler RECONCILER = new Reconciler(RuleSet.load("stated"));

    @Test
    void aDocumentWhoseStatedFiguresAgreeHasNoFinding() {
        // 10000.00 = 8000.00 + 1000.00 + 1500.00 − 500.00 (万元); 10000.00 = 9500.00 + 400.00 + 100.00;
        // 9500 / 10000 = 95.00 %; 12 = 7 + 5 persons; 三公 30.00 ≤ 35.00
        assertEquals(Map.of(), byRule("""
                {"allocated": 100000000.00, "initial": 80000000.00, "carryover": 10000000.00,
                 "additions": 15000000.00, "recoveries": 5000000.00, "spent": 95000000.00,
                 "carriedForward": 4000000.00, "surplus": 1000000.00, "rate": 95.00,
                 "heads": 12, "groups": [{"heads": 7}, {"heads": 5}],
                 "threePublic": {"budget": 350000.00, "actual": 300000.00}}"""));
    }

    @Test
    void termsNotStatedAreNotZeroAndWhatCannotBeCheckedIsListedOnce() {
        // 收入 = 年初 + 追加 only: 上年结转 (+) and 年底收回 (−) unstated pull both ways, so nothing follows;
        // no 结转/结余 and no rate; 三公 budget unstated
        Map<String, Finding> findings = byRule("""
                {"allocated": 100000000.00, "initial": 80000000.00, "additions": 20000000.00,
                 "spent": 95000000.00, "threePublic": {"actual": 300000.00}}""");
        assertEquals(Set.of("STATED-UNCHECKED"), findings.keySet(), findings.toString());
        Finding unchecked = findings.get("STATED-UNCHECKED");
        assertEquals(Severity.INFO, unchecked.severity());
        assertEquals("未能核对：下达 = 年初 + 结转 + 追加 − 收回（未填报上年结转、未填报年底收回）；"
                + "下达 = 支出 + 结转 + 结余（未填报结转资金、未填报结余资金）；三公支出不超过预算（未填报三公预算）",
                unchecked.message());
        assertEquals(List.of("carryover", "recoveries", "carriedForward", "surplus", "threePublic.budget"),
                unchecked.figures().stream().map(Finding.FigureRef::path).toList());
    }

    @Test
    void aRemainderTheStatedTermsLeaveIsNeverNegative() {
        // 下达 20000.00 − 支出 19000.00 = 1000.00 left, but 结转 1500.00 is stated: 结余 would be −500.00万元
        Finding balance = byRule("""
                {"allocated": 200000000.00, "spent": 190000000.00, "carriedForward": 15000000.00}""").get("BALANCE");
        assertEquals(Severity.ERROR, balance.severity());
        assertEquals(0, new BigDecimal("-5000000").compareTo(balance.difference()));
        assertTrue(balance.message().contains("未填报的结余资金须为 -500万元，不可能为负"), balance.message());
        // 结转 800.00 leaves 200.00 for 结余: possible, and not checkable beyond that
        Map<String, Finding> possible = byRule("""
                {"allocated": 200000000.00, "spent": 190000000.00, "carriedForward": 8000000.00}""");
        assertEquals(Set.of("STATED-UNCHECKED"), possible.keySet());
    }

    @Test
    void aTotalNotStatedWhosePartsAreIsAddedUpAsAReaderWould() {
        // 南县政协 2021: 支出 799.12 = 人员经费 434.89 + 公用经费 77.4 + 项目支出 286.83; 基本支出 is not stated,
        // its parts are: 512.29 + 286.83 = 799.12 leaves 0 for the unstated 其他支出
        String nanxian = """
                {"current": 7991200.00, "personnel": 4348900.00, "office": 774000.00, "projects": 2868300.00}""";
        Map<String, Finding> findings = byRule(nanxian);
        assertEquals(Set.of("STATED-UNCHECKED"), findings.keySet(), findings.toString());
        // parts that add up to 800.12 leave −1.00万元 for 其他支出: a reader sees it, so does the rule
        Finding current = byRule(nanxian.replace("4348900.00", "4448900.00")).get("CURRENT");
        assertEquals(0, new BigDecimal("-100000.00").compareTo(current.difference()));
        assertTrue(current.message().contains("基本支出（未填报，按人员经费 + 公用经费推算） 522.29万元"), current.message());
        // with every term stated (其他支出 0) the total is checked exactly, within the parts' rounding (each
        // amount to the hundredth of a 万元 at worst, half of it each way): 0.01万元 off is rounding, 0.1 is not
        assertEquals(Set.of("STATED-UNCHECKED"), byRule(nanxian.replace("}", ", \"other\": 0}")
                .replace("7991200.00", "7991300.00")).keySet());
        assertTrue(byRule(nanxian.replace("}", ", \"other\": 0}").replace("7991200.00", "7992200.00"))
                .containsKey("CURRENT"));
    }

    @Test
    void aPartNeverExceedsItsTotalEvenWhenSomePartsAreNotStated() {
        // 其中 60.00 + 50.00 = 110.00 > 100.00 although the third item's amount is not given
        Finding items = contradictions("""
                {"spent": 1000000.00, "items": [{"amount": 600000.00}, {"amount": 500000.00}, {"amount": null}]}""")
                .get("ITEMS");
        assertEquals(Severity.ERROR, items.severity());
        assertEquals(0, new BigDecimal("-100000").compareTo(items.difference()));
        // 60.00 of 100.00 with an item unstated: the rest may be that item's, no warning
        assertEquals(Map.of(), contradictions("""
                {"spent": 1000000.00, "items": [{"amount": 600000.00}, {"amount": null}]}"""));
        // every item stated and 40.00 unexplained: a warning
        assertEquals(Severity.WARNING, contradictions("""
                {"spent": 1000000.00, "items": [{"amount": 600000.00}]}""").get("ITEMS").severity());
    }

    @Test
    void aStatedRateMayBeRoundedOrCutOffToItsDecimalsButNoFurther() {
        // 2570.97 ÷ 6714.88 = 38.2877…%: 38.29 rounded and 38.28 cut off both agree; 38.26 does not
        for (String rate : List.of("38.29", "38.28")) {
            assertEquals(Map.of(), contradictions(rateDocument("25709700.00", "67148800.00", rate)), rate);
        }
        Finding wrong = contradictions(rateDocument("25709700.00", "67148800.00", "38.26")).get("RATE");
        assertEquals(0, new BigDecimal("38.29").compareTo(wrong.expected()));
        // a rate given to one decimal or none is held to that: 35.9 for 35.92…%, 14 for 14.008…%
        assertEquals(Map.of(), contradictions(rateDocument("3592000.00", "10000000.00", "35.9")));
        assertEquals(Map.of(), contradictions(rateDocument("38880100.00", "277548900.00", "14")));
        assertEquals(Set.of("RATE"), contradictions(rateDocument("3592000.00", "10000000.00", "36.1")).keySet());
    }

    @Test
    void theToleranceFollowsThePrecisionTheAmountsWereGivenIn() {
        // in 万元 to two decimals each amount may be 0.005万元 off: 77.41 against 30.11 + 47.31 = 77.42 is rounding,
        // 77.41 against 30.11 + 47.41 = 77.52 is 0.11万元 off, beyond three half-hundredths (0.015万元)
        assertEquals(Map.of(), contradictions(balanceDocument("774100", "301100", "473100")));
        Finding off = contradictions(balanceDocument("774100", "301100", "474100")).get("BALANCE");
        assertEquals(0, new BigDecimal("-1100").compareTo(off.difference()));
        // amounts given to the fen are held to the fen: 1234.56 = 1000.01 + 234.54 (元) within 0.015 yuan,
        // 1234.56 against 1000.01 + 234.52 is 0.03 yuan off
        assertEquals(Map.of(), contradictions(balanceDocument("1234.56", "1000.01", "234.54")));
        assertEquals(Set.of("BALANCE"), contradictions(balanceDocument("1234.56", "1000.01", "234.52")).keySet());
        // headcounts are exact: 12 against 7 + 6
        assertEquals(Set.of("HEADS"), contradictions("""
                {"heads": 12, "groups": [{"heads": 7}, {"heads": 6}]}""").keySet());
    }

    @Test
    void aRuleNoneOfWhoseFiguresIsStatedSaysNothing() {
        assertEquals(Map.of(), byRule("{}"));
    }

    private static String rateDocument(String spent, String allocated, String rate) {
        return "{\"spent\": %s, \"allocated\": %s, \"rate\": %s}".formatted(spent, allocated, rate);
    }

    private static String balanceDocument(String allocated, String spent, String carriedForward) {
        return "{\"allocated\": %s, \"spent\": %s, \"carriedForward\": %s, \"surplus\": 0}"
                .formatted(allocated, spent, carriedForward);
    }

    /** The findings but the list of what could not be checked. */
    private static Map<String, Finding> contradictions(String document) {
        Map<String, Finding> findings = byRule(document);
        findings.remove("STATED-UNCHECKED");
        return findings;
    }

    private static Map<String, Finding> byRule(String document) {
        try {
            List<Finding> findings = RECONCILER.check(JSON.readTree(document));
            assertEquals(findings.size(), findings.stream().map(Finding::ruleId).collect(Collectors.toSet()).size());
            return findings.stream().collect(Collectors.toMap(Finding::ruleId, f -> f, (a, b) -> a, TreeMap::new));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
