package io.jixiao.budget.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetDocument.MonthlyExecution;
import io.jixiao.events.budget.BudgetDocument.Project;
import io.jixiao.events.budget.DerivedFigures;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures budget-service derives once and publishes: known where the document allows, else not stated. */
class DerivationTest {

    @Test
    void keyProjectsAreSummedWhenEachStatesItsSpending() {
        DerivedFigures f = Derivation.of(budget(List.of(project("a", "120.50", true), project("b", "79.50", true),
                project("c", "1000.00", false), project("d", null, null)), List.of()));
        assertEquals(new BigDecimal("200.00"), f.keyProjectsActual());
    }

    @Test
    void aKeyProjectWithoutItsSpendingLeavesTheSumUnknownNotSmaller() {
        assertNull(Derivation.of(budget(List.of(project("a", "120.50", true), project("b", null, true)), List.of()))
                .keyProjectsActual());
        assertNull(Derivation.of(budget(List.of(), List.of())).keyProjectsActual(), "no projects stated");
        assertEquals(BigDecimal.ZERO, Derivation.of(budget(List.of(project("c", "5.00", false)), List.of()))
                .keyProjectsActual(), "projects stated, none of them key");
    }

    @Test
    void decemberIsTheCumulativeSpendingOfMonthTwelveIfStated() {
        assertEquals(new BigDecimal("9876.54"), Derivation.of(budget(List.of(), List.of(
                new MonthlyExecution(6, new BigDecimal("1234.00")),
                new MonthlyExecution(12, new BigDecimal("9876.54"))))).decemberCumulative());
        assertNull(Derivation.of(budget(List.of(), List.of(new MonthlyExecution(6, BigDecimal.ONE))))
                .decemberCumulative());
    }

    private static Project project(String code, String actual, Boolean key) {
        return new Project(code, "项目" + code, null, actual == null ? null : new BigDecimal(actual), key);
    }

    private static BudgetDocument budget(List<Project> projects, List<MonthlyExecution> months) {
        return new BudgetDocument(null, null, null, null, projects, months, null, null);
    }
}
