package io.jixiao.budget.service;

import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.DerivedFigures;
import java.math.BigDecimal;

/**
 * The figures derived from a budget document, computed here once: the reconciliation rules read them under
 * {@code derived}, and the snapshot carries them to every consumer.
 */
public final class Derivation {

    private Derivation() {
    }

    public static DerivedFigures of(BudgetDocument budget) {
        return new DerivedFigures(keyProjectsActual(budget), decemberCumulative(budget));
    }

    /** The sum over the key projects; unknown (null) if there are none, or if one does not state its spending. */
    private static BigDecimal keyProjectsActual(BudgetDocument budget) {
        if (budget.projects() == null || budget.projects().isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (BudgetDocument.Project p : budget.projects()) {
            if (Boolean.TRUE.equals(p.key())) {
                if (p.actual() == null) {
                    return null; // a key project without its spending: the sum is unknown, not smaller
                }
                sum = sum.add(p.actual());
            }
        }
        return sum;
    }

    private static BigDecimal decemberCumulative(BudgetDocument budget) {
        if (budget.monthlyExecution() == null) {
            return null;
        }
        return budget.monthlyExecution().stream().filter(m -> m.month() != null && m.month() == 12).findFirst()
                .map(BudgetDocument.MonthlyExecution::cumulativeExpenditure).orElse(null);
    }
}
