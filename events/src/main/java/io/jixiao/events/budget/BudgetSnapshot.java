package io.jixiao.events.budget;

import io.jixiao.events.findings.Finding;
import java.util.List;

/**
 * A unit-year's budget as budget-service holds it, with the figures it derives from it and its reconciliation
 * findings; topic {@link io.jixiao.events.Topics#BUDGET}, keyed {@code unitCode:fiscalYear}. {@code derived} is null
 * from a producer that does not derive figures yet.
 */
public record BudgetSnapshot(String unitCode, int fiscalYear, BudgetDocument budget, DerivedFigures derived,
        List<Finding> findings) {

    public static final String TYPE = "budget.snapshot";
}
