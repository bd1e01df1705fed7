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
 * What a unit-year's report says now, kept whenever its content changes ({@link ReportContentChanged}, in the
 * transaction of the change): its content hash, the ERROR findings that block submission, what its scores do not rest
 * on yet. The one place that decides, from that, whether a submitted report has become a draft again.
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

    /** Keeps what the report says after a change, and makes a submitted report a draft again if it changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onChange(@Observes ReportContentChanged change) {
        KeyLocks.lock("report:" + change.unitCode() + ":" + change.fiscalYear());
        Now now = assemble(change.unitCode(), change.fiscalYear());
        ReportWorkflow.Key key = new ReportWorkflow.Key(change.unitCode(), change.fiscalYear());
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

    /** What the report says now: as kept, or (for content from before it was kept) assembled. */
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
