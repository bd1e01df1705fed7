package io.jixiao.assessment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.assessment.framework.Indicator;
import io.jixiao.assessment.scoring.ScoringInput.Level;
import io.jixiao.assessment.scoring.ScoringInput.Rating;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each scoring rule type scores known inputs to known points, and says "not assessable" when it cannot. */
class ScoringRulesTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static ScoringRule rule(String type, Map<String, Object> params) {
        return ScoringRules.of(new Indicator.RuleSpec(type, params));
    }

    private static Indicator.Target target(String op, String value) {
        return new Indicator.Target(op, d(value));
    }

    private static void assertPoints(String expected, Outcome outcome) {
        assertTrue(outcome.assessable(), outcome.explanation());
        assertEquals(0, d(expected).compareTo(outcome.score()), "points: " + outcome);
    }

    @Test
    void proportionalScoresTheShareOfTheTargetReachedUpToItsCap() {
        ScoringRule r = rule("proportional", Map.of("cap", 1));
        assertPoints("8.00", r.score(d("10"), ScoringInput.ofActual(d("80"), target(">=", "100"))));
        assertPoints("10.00", r.score(d("10"), ScoringInput.ofActual(d("120"), target(">=", "100"))));
        assertPoints("12.00", rule("proportional", Map.of("cap", 1.2))
                .score(d("10"), ScoringInput.ofActual(d("130"), target(">=", "100"))));
        // a "≤" target: the inverse share
        assertPoints("8.00", r.score(d("10"), ScoringInput.ofActual(d("125"), target("<=", "100"))));
        assertFalse(r.score(d("10"), ScoringInput.ofActual(null, target(">=", "100"))).assessable());
        assertFalse(r.score(d("10"), ScoringInput.ofActual(d("5"), target(">=", "0"))).assessable(),
                "a zero target cannot be completed proportionally: not assessable, not full marks");
    }

    @Test
    void thresholdGivesFullMarksWithinTheTargetThenDeductsPerPoint() {
        ScoringRule r = rule("threshold", Map.of("perPoint", 0.5));
        assertPoints("4.00", r.score(d("4"), ScoringInput.ofActual(d("99"), target("<=", "100"))));
        assertPoints("2.25", r.score(d("4"), ScoringInput.ofActual(d("103.5"), target("<=", "100"))));
        assertPoints("0.00", r.score(d("4"), ScoringInput.ofActual(d("150"), target("<=", "100"))));
        assertPoints("3.00", r.score(d("4"), ScoringInput.ofActual(d("98"), target(">=", "100"))));
        assertThrows(IllegalArgumentException.class, () -> rule("threshold", Map.of()));
    }

    @Test
    void bandsGiveTheShareOfTheHighestBandReached() {
        ScoringRule r = rule("bands", Map.of("bands", List.of(Map.of("min", 95, "ratio", 1),
                Map.of("min", 85, "ratio", 0.8), Map.of("min", 0, "ratio", 0))));
        assertPoints("2.00", r.score(d("2"), ScoringInput.ofActual(d("96.04"), null)));
        assertPoints("1.60", r.score(d("2"), ScoringInput.ofActual(d("85"), null)));
        assertPoints("0.00", r.score(d("2"), ScoringInput.ofActual(d("84.99"), null)));
    }

    @Test
    void checklistAddsThePointsOfTheItemsMet() {
        ScoringRule r = rule("checklist", Map.of("items", List.of(
                Map.of("code", "budget-published", "name", "预算公开", "points", 1),
                Map.of("code", "accounts-published", "name", "决算公开", "points", 1))));
        assertPoints("1.00", r.score(d("2"), new ScoringInput(null, null, null, Set.of("budget-published"), null)));
        assertPoints("2.00", r.score(d("2"), new ScoringInput(null, null, null,
                Set.of("budget-published", "accounts-published"), null)));
        assertFalse(r.score(d("2"), new ScoringInput(null, null, null, null, null)).assessable());
    }

    @Test
    void deductionTakesPointsPerViolationNeverBelowZero() {
        ScoringRule r = rule("deduction", Map.of("perViolation", 1));
        assertPoints("2.00", r.score(d("2"), new ScoringInput(null, null, null, null, 0)));
        assertPoints("1.00", r.score(d("2"), new ScoringInput(null, null, null, null, 1)));
        assertPoints("0.00", r.score(d("2"), new ScoringInput(null, null, null, null, 5)));
        assertFalse(r.score(d("2"), new ScoringInput(null, null, null, null, null)).assessable());
    }

    @Test
    void qualitativeBandsHoldAClaimToItsBand() {
        ScoringRule r = rule("qualitative", null);
        assertPoints("3.20", r.score(d("4"), new ScoringInput(null, null, new Rating(Level.ACHIEVED, null), null, null)));
        assertPoints("3.80", r.score(d("4"), new ScoringInput(null, null, new Rating(Level.ACHIEVED, d("95")), null, null)));
        // 部分达成 cannot claim 95 %: held to its band's top, 80 %
        assertPoints("3.20", r.score(d("4"), new ScoringInput(null, null, new Rating(Level.PARTIAL, d("95")), null, null)));
        assertPoints("1.20", r.score(d("4"), new ScoringInput(null, null, new Rating(Level.NOT_ACHIEVED, d("30")), null, null)));
        Outcome none = r.score(d("4"), new ScoringInput(null, null, null, null, null));
        assertFalse(none.assessable());
        assertNull(none.score(), "not assessable is not a silent zero");
    }

    @Test
    void rateTimesWeight() {
        ScoringRule r = rule("rate", null);
        assertPoints("2.88", r.score(d("3"), ScoringInput.ofActual(d("96.0424584"), null)));
        assertPoints("3.00", r.score(d("3"), ScoringInput.ofActual(d("120"), null)));
    }

    @Test
    void explanationsPrintFiguresToTwoDecimalsComputedFromTheFullValues() {
        Outcome rate = rule("rate", null).score(d("3"), ScoringInput.ofActual(d("96.04271443616667784515018505936799"),
                null));
        assertEquals("96.04% × 权重 3", rate.explanation());
        assertEquals(0, d("2.88").compareTo(rate.score()), "3 × 96.0427…% = 2.8813 points, to the hundredth");
        Outcome threshold = rule("threshold", Map.of("perPoint", "0.1")).score(d("5"),
                ScoringInput.ofActual(d("100.73561940057769083722269478502426"), target("<=", "95")));
        assertEquals("偏离目标 5.74 个百分点，每个百分点扣 0.1 分，扣 0.57 分", threshold.explanation());
        assertEquals(0, d("4.43").compareTo(threshold.score()), "5 − 0.5736 points, to the hundredth");
        Outcome bands = rule("bands", Map.of("bands", List.of(Map.of("min", 90, "ratio", "0.8"))))
                .score(d("10"), ScoringInput.ofActual(d("92.16438356164383561643835616438356"), null));
        assertEquals("实际值 92.16 落在 ≥90 档，得分比例 80%", bands.explanation());
    }

    @Test
    void anUnknownRuleTypeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> rule("lottery", Map.of()));
    }
}
