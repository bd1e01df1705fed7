package io.jixiao.budget.service;

import io.jixiao.budget.api.BudgetDocument;
import io.jixiao.commons.documents.UnitYearDocuments.Held;
import io.jixiao.commons.documents.UnitYearDocuments.HistoryEntry;
import io.jixiao.commons.documents.UnitYearDocuments.Item;
import io.jixiao.commons.documents.UnitYearDocuments.PutResult;
import io.jixiao.commons.documents.UnitYearDocuments;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The budget register (预算收支及执行): checks what the document's types cannot (known unit, possible year, months
 * given once), then stores it with its findings through {@link UnitYearDocuments}.
 */
@ApplicationScoped
public class BudgetRegister {

    private final UnitYearDocuments documents;
    private final BudgetKind kind;
    private final KnownUnits units;

    public BudgetRegister(UnitYearDocuments documents, BudgetKind kind, KnownUnits units) {
        this.documents = documents;
        this.kind = kind;
        this.units = units;
    }

    @Transactional
    public PutResult put(String unitCode, int fiscalYear, BudgetDocument budget, Actor actor, String idempotencyKey) {
        units.requireForChange(unitCode);
        FiscalYears.require(fiscalYear);
        List<Problem.FieldError> errors = check(budget, "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return documents.put(kind, unitCode, fiscalYear, budget, actor, idempotencyKey);
    }

    /** All or nothing: every item is checked before anything is stored. */
    @Transactional
    public List<PutResult> putAll(List<Item<BudgetDocument>> items, Actor actor, String idempotencyKey) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item<BudgetDocument> item = items.get(i);
            String at = "items[" + i + "]";
            if (!seen.add(item.unitCode() + ":" + item.fiscalYear())) {
                errors.add(new Problem.FieldError(at, "the same unit and year appear twice in the batch"));
            }
            if (!FiscalYears.possible(item.fiscalYear())) {
                errors.add(new Problem.FieldError(at + ".fiscalYear", FiscalYears.rule()));
            }
            errors.addAll(check(item.document(), at + ".budget."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (Item<BudgetDocument> item : items) {
            units.requireForChange(item.unitCode());
        }
        return documents.putAll(kind, items, actor, idempotencyKey);
    }

    public Optional<Held<BudgetDocument>> get(String unitCode, int fiscalYear) {
        return documents.get(kind, unitCode, fiscalYear);
    }

    public List<HistoryEntry> history(String unitCode, int fiscalYear) {
        return documents.history(kind, unitCode, fiscalYear);
    }

    public void requireKnown(String unitCode) {
        units.require(unitCode);
    }

    /** What Bean Validation cannot say: each month once, cumulative spending never decreasing. */
    private static List<Problem.FieldError> check(BudgetDocument budget, String prefix) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (budget.monthlyExecution() != null) {
            Set<Integer> months = new HashSet<>();
            for (int i = 0; i < budget.monthlyExecution().size(); i++) {
                if (!months.add(budget.monthlyExecution().get(i).month())) {
                    errors.add(new Problem.FieldError(prefix + "monthlyExecution[" + i + "].month",
                            "month given twice"));
                }
            }
        }
        if (budget.projects() != null) {
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < budget.projects().size(); i++) {
                if (!codes.add(budget.projects().get(i).code())) {
                    errors.add(new Problem.FieldError(prefix + "projects[" + i + "].code", "project code given twice"));
                }
            }
        }
        if (budget.threePublicExpenses() != null && budget.threePublicExpenses().items() != null) {
            Set<BudgetDocument.ThreePublicKind> kinds = new HashSet<>();
            var items = budget.threePublicExpenses().items();
            for (int i = 0; i < items.size(); i++) {
                if (!kinds.add(items.get(i).kind())) {
                    errors.add(new Problem.FieldError(prefix + "threePublicExpenses.items[" + i + "].kind",
                            "kind given twice"));
                }
            }
        }
        return errors;
    }
}
