package io.jixiao.assessment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Where a figure a measure reads comes from: the fact that holds it, or, for last year's, this year's statement. */
class FactsTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final JsonNode BUDGET = tree("""
            {"threePublicExpenses": {"actual": 700000},
             "changes": [{"figure": "expenditure.total", "previous": 49000000},
                         {"figure": "threePublicExpenses.actual", "previous": 800000, "change": -100000}]}""");

    @Test
    void lastYearsFigureNotHeldIsTakenFromThisYearsStatementAndSaysSo() {
        Facts facts = new Facts().with(new Facts.Fact("budget", BUDGET, "budget-service", 3));
        Facts.Resolved previous = facts.resolve("prev.budget.threePublicExpenses.actual").orElseThrow();
        assertEquals(0, new BigDecimal("800000").compareTo(previous.value()));
        assertEquals(3, previous.fact().version(), "the version of the budget that states it");
        assertTrue(previous.fact().source().contains("本年预算所述上年数"), previous.fact().source());
        assertTrue(facts.resolve("prev.budget.governmentProcurement.actual").isEmpty(), "not stated: not assumed");
        assertEquals(0, new BigDecimal("49000000").compareTo(facts.resolve("prev.budget.expenditure.total")
                .orElseThrow().value()), "上年数 stated, though this year's 总支出 is not");
        assertTrue(facts.resolve("prev.staff.totalInService").isEmpty(), "only budget figures are stated that way");
    }

    @Test
    void lastYearsFigureIsImpliedByThisYearsAndTheStatedChange() {
        // 寻甸县文旅局 2022: 三公 26,085.58元, 减少18,987.42元: the year before was 45,073.00元
        Facts facts = new Facts().with(new Facts.Fact("budget", tree("""
                {"threePublicExpenses": {"actual": 26085.58},
                 "changes": [{"figure": "threePublicExpenses.actual", "change": -18987.42, "ratePercent": -42.13}]}"""),
                "budget-service", 1));
        Facts.Resolved previous = facts.resolve("prev.budget.threePublicExpenses.actual").orElseThrow();
        assertEquals(0, new BigDecimal("45073.00").compareTo(previous.value()));
        assertTrue(previous.fact().source().contains("本年数减本年预算所述增减额"), previous.fact().source());
        // a 增减额 without this year's figure implies nothing
        Facts without = new Facts().with(new Facts.Fact("budget", tree("""
                {"changes": [{"figure": "threePublicExpenses.actual", "change": -18987.42}]}"""), "budget-service", 1));
        assertTrue(without.resolve("prev.budget.threePublicExpenses.actual").isEmpty());
    }

    @Test
    void lastYearsOwnDocumentWinsOverWhatThisYearSaysOfIt() {
        Facts facts = new Facts().with(new Facts.Fact("budget", BUDGET, "budget-service", 3))
                .with(new Facts.Fact("prev.budget", tree("{\"threePublicExpenses\": {\"actual\": 810000}}"),
                        "budget-service", 1));
        Facts.Resolved previous = facts.resolve("prev.budget.threePublicExpenses.actual").orElseThrow();
        assertEquals(0, new BigDecimal("810000").compareTo(previous.value()));
        assertEquals("budget-service", previous.fact().source());
    }
}
