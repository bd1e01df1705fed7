package io.jixiao.budget.mapping;

import io.jixiao.budget.api.BudgetDocument;
import org.mapstruct.Mapper;

/**
 * The budget as pushed (the API record) to the budget as published (the event contract). Field by field and checked
 * at compile time: a figure added to one side and not the other fails the build (unmapped targets are errors).
 */
@Mapper
public interface BudgetMapping {

    io.jixiao.events.budget.BudgetDocument toContract(BudgetDocument budget);
}
