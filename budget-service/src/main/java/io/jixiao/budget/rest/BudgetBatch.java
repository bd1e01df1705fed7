package io.jixiao.budget.rest;

import io.jixiao.events.budget.BudgetDocument;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Many unit-years' budgets in one push. */
public record BudgetBatch(@NotNull @NotEmpty @Size(max = 500) List<@NotNull @Valid Entry> items) {

    /** One unit-year of the batch. */
    public record Entry(
            @NotNull @Pattern(regexp = BudgetResource.UNIT_CODE) String unitCode,
            @NotNull Integer fiscalYear,
            @NotNull @Valid BudgetDocument budget) {
    }
}
