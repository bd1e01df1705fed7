package io.jixiao.events.budget;

import io.jixiao.events.findings.Finding;
import java.util.List;

/**
 * A unit-year's budget as budget-service holds it, with its reconciliation findings; topic
 * {@link io.jixiao.events.Topics#BUDGET}, keyed {@code unitCode:fiscalYear}.
 */
public record BudgetSnapshot(String unitCode, int fiscalYear, BudgetDocument budget, List<Finding> findings) {

    public static final String TYPE = "budget.snapshot";
}
