package io.jixiao.personnel.service;

import io.jixiao.commons.documents.UnitYearDocuments.Held;
import io.jixiao.commons.documents.UnitYearDocuments.HistoryEntry;
import io.jixiao.commons.documents.UnitYearDocuments.Item;
import io.jixiao.commons.documents.UnitYearDocuments.PutResult;
import io.jixiao.commons.documents.UnitYearDocuments;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.personnel.repository.UnitProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff and assets per unit and fiscal year: refuses what cannot be right (an impossible year, a unit not in the
 * register, unknown codes) before anything is stored, then keeps the document with its findings, version, audit
 * trail and outbox event through {@link UnitYearDocuments}. The caller's right to the unit is checked before.
 */
@ApplicationScoped
public class UnitYearRegister {

    private final UnitYearDocuments documents;

    public UnitYearRegister(UnitYearDocuments documents) {
        this.documents = documents;
    }

    @Transactional
    public <D> PutResult put(PersonnelKind<D, ?> kind, String unitCode, int fiscalYear, D document, Actor actor,
            String idempotencyKey) {
        FiscalYears.require(fiscalYear);
        requireKnown(unitCode);
        List<Problem.FieldError> errors = kind.check(fiscalYear, document, "");
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return documents.put(kind, unitCode, fiscalYear, document, actor, idempotencyKey);
    }

    /**
     * All or nothing: every unit must be in the register (else 404 naming the item) and every item well-formed
     * (else 400 naming each bad field as {@code items[i]…}) before one is stored, in one transaction.
     */
    @Transactional
    public <D> List<PutResult> putAll(PersonnelKind<D, ?> kind, List<Item<D>> items, Actor actor, String idempotencyKey) {
        List<Problem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (UnitProfile.findById(items.get(i).unitCode()) == null) {
                unknown.add(new Problem.FieldError("items[" + i + "].unitCode", "unknown unit"));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemType.UNKNOWN_UNIT,
                    unknown.size() + " item(s) name a unit that is not registered", unknown);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Item<D> item = items.get(i);
            String at = "items[" + i + "]";
            try {
                FiscalYears.require(item.fiscalYear());
            } catch (ProblemException e) {
                errors.add(new Problem.FieldError(at + ".fiscalYear", e.toProblem(null).errors().get(0).message()));
                continue;
            }
            if (!seen.add(item.unitCode() + ":" + item.fiscalYear())) {
                errors.add(new Problem.FieldError(at, "the same unit and fiscal year appear twice in the batch"));
            }
            errors.addAll(kind.check(item.fiscalYear(), item.document(), at + ".document."));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return documents.putAll(kind, items, actor, idempotencyKey);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public <D> Held<D> get(PersonnelKind<D, ?> kind, String unitCode, int fiscalYear) {
        return find(kind, unitCode, fiscalYear).orElseThrow(() -> ProblemException.notFound(
                "no " + kind.name() + " of " + unitCode + " for " + fiscalYear + " has been pushed"));
    }

    /** The document if the unit is registered and the year possible; empty if nothing was pushed yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <D> Optional<Held<D>> find(PersonnelKind<D, ?> kind, String unitCode, int fiscalYear) {
        FiscalYears.require(fiscalYear);
        requireKnown(unitCode);
        return documents.get(kind, unitCode, fiscalYear);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(PersonnelKind<?, ?> kind, String unitCode, int fiscalYear) {
        FiscalYears.require(fiscalYear);
        requireKnown(unitCode);
        return documents.history(kind, unitCode, fiscalYear);
    }

    private static void requireKnown(String unitCode) {
        if (UnitProfile.findById(unitCode) == null) {
            throw ProblemException.unknownUnit(unitCode);
        }
    }
}
