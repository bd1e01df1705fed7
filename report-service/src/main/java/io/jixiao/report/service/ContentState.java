package io.jixiao.report.service;

import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.report.model.ReportModel.Variant;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.repository.ReportContent;
import io.jixiao.report.repository.ReportWorkflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What a unit-year's report says now: its content hash, the ERROR findings that block submission, what its scores do
 * not rest on yet. The one place that decides, from that, whether a submitted report has become a draft again.
 *
 * <p>It is kept, in the transaction of each change ({@link ReportContentChanged}), only for a report with a submitted
 * version to compare with; for a report never submitted (most of them while units push their figures) a change only
 * forgets what was kept, and {@link #now} works it out when asked. Assembling every report after every pushed
 * document was most of report-service's work under a province's load (the province benchmark's profile).
 */
@ApplicationScoped
public class ContentState {

    /** What the report says now. */
    public record Now(String contentHash, List<String> blocking, List<String> scorePending) {

        static Now of(ReportModel internal, String contentHash) {
            return new Now(contentHash, internal.blockingRuleIds(), internal.basis().pending());
        }
    }

    private final ReportAssembly assembly;
    private final ReportJson json;
    private final Workflow workflow;

    public ContentState(ReportAssembly assembly, ReportJson json, Workflow workflow) {
        this.assembly = assembly;
        this.json = json;
        this.workflow = workflow;
    }

    /**
     * After a change: for a report with a submitted version, keeps what it says and makes it a draft again if that
     * changed; for any other, forgets what was kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onChange(@Observes ReportContentChanged change) {
        // the workflow's lock: a submission is either wholly before this change or sees its content
        KeyLocks.lock(lockKey(change.unitCode(), change.fiscalYear()));
        ReportWorkflow.Key key = new ReportWorkflow.Key(change.unitCode(), change.fiscalYear());
        if (!workflow.hasSubmittedVersion(change.unitCode(), change.fiscalYear())) {
            ReportContent.delete("key.unitCode = ?1 and key.fiscalYear = ?2", change.unitCode(),
                    change.fiscalYear());
            return;
        }
        Now now = assemble(change.unitCode(), change.fiscalYear());
        ReportContent held = ReportContent.findById(key);
        if (held == null) {
            held = new ReportContent();
            held.key = key;
        }
        held.contentHash = now.contentHash();
        held.blocking = now.blocking().toArray(String[]::new);
        held.scorePending = now.scorePending().toArray(String[]::new);
        held.changedAt = OffsetDateTime.now(ZoneOffset.UTC);
        held.persist();
        workflow.contentChanged(change.unitCode(), change.fiscalYear(), now.contentHash(), change.reason());
    }

    /** The key of a unit-year's report lock, the workflow's too. */
    static String lockKey(String unitCode, int fiscalYear) {
        return "report:" + unitCode + ":" + fiscalYear;
    }

    /** What the report says now: as kept, or (never submitted, or kept before this was) assembled. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Now now(String unitCode, int fiscalYear) {
        ReportContent held = ReportContent.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        return held != null ? new Now(held.contentHash, List.of(held.blocking), List.of(held.scorePending))
                : assemble(unitCode, fiscalYear);
    }

    private Now assemble(String unitCode, int fiscalYear) {
        ReportModel internal = assembly.current(unitCode, fiscalYear, Variant.INTERNAL);
        return Now.of(internal, ReportJson.hash(json.write(internal)));
    }
}
