package io.jixiao.report.service;

import io.jixiao.commons.audit.AuditTrail;
import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.report.model.ReportModel.Variant;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.repository.FindingExplanation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The unit's explanations of its findings (情况说明). An explained ERROR finding no longer blocks submission; the
 * explanation is printed beside the finding in the internal version. Giving, changing and withdrawing one is in the
 * audit trail with the text from and to.
 */
@ApplicationScoped
public class Explanations {

    /** An explanation as the audit trail compares it. */
    record Explained(String explanation) {
    }

    private final ReportAssembly assembly;
    private final Event<ReportContentChanged> changed;
    private final KnownUnits units;
    private final EntityManager em;
    private final AuditTrail audit;

    public Explanations(ReportAssembly assembly, Event<ReportContentChanged> changed, KnownUnits units,
            EntityManager em,
            AuditTrail audit) {
        this.assembly = assembly;
        this.changed = changed;
        this.units = units;
        this.em = em;
        this.audit = audit;
    }

    /** The current findings of the unit-year, with explanations and whether each blocks submission. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportModel.ReportFinding> findings(String unitCode, int fiscalYear) {
        units.require(unitCode);
        return assembly.current(unitCode, fiscalYear, Variant.INTERNAL).findings();
    }

    /** Explains a finding the unit-year currently has; returns whether anything changed. */
    @Transactional
    public boolean explain(String unitCode, int fiscalYear, String ruleId, String explanation, Actor actor) {
        units.requireForChange(unitCode);
        FiscalYears.require(fiscalYear);
        boolean present = findings(unitCode, fiscalYear).stream().anyMatch(f -> f.ruleId().equals(ruleId));
        if (!present) {
            throw ProblemException.notFound("the report of " + unitCode + " for " + fiscalYear + " has no finding "
                    + ruleId);
        }
        KeyLocks.lock("explanation:" + unitCode + ":" + fiscalYear + ":" + ruleId);
        FindingExplanation.Key key = new FindingExplanation.Key(unitCode, fiscalYear, ruleId);
        FindingExplanation held = FindingExplanation.findById(key);
        if (held != null && held.explanation.equals(explanation)) {
            return false;
        }
        Explained before = held == null ? null : new Explained(held.explanation);
        if (held == null) {
            held = new FindingExplanation();
            held.key = key;
        }
        held.explanation = explanation;
        held.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        held.updatedBy = actor.name();
        held.source = actor.source();
        held.persist();
        audit.record("explanation.put", unitCode, fiscalYear, target(unitCode, fiscalYear, ruleId), actor,
                audit.diff(before, new Explained(explanation)));
        em.flush();
        changed.fire(new ReportContentChanged(unitCode, fiscalYear, "explanation of " + ruleId));
        return true;
    }

    /** Withdraws an explanation; returns whether there was one. */
    @Transactional
    public boolean withdraw(String unitCode, int fiscalYear, String ruleId, Actor actor) {
        units.requireForChange(unitCode);
        KeyLocks.lock("explanation:" + unitCode + ":" + fiscalYear + ":" + ruleId);
        FindingExplanation held = FindingExplanation.findById(new FindingExplanation.Key(unitCode, fiscalYear, ruleId));
        if (held == null) {
            return false;
        }
        Explained before = new Explained(held.explanation);
        held.delete();
        audit.record("explanation.delete", unitCode, fiscalYear, target(unitCode, fiscalYear, ruleId), actor,
                audit.diff(before, null));
        em.flush();
        changed.fire(new ReportContentChanged(unitCode, fiscalYear, "explanation of " + ruleId + " withdrawn"));
        return true;
    }

    private static String target(String unitCode, int fiscalYear, String ruleId) {
        return "explanation " + ruleId + " " + unitCode + " " + fiscalYear;
    }

}
