package io.jixiao.report.service;

import io.jixiao.commons.audit.AuditTrail;
import io.jixiao.commons.outbox.Outbox;
import io.jixiao.commons.security.Actor;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.report.ReportStatusEvent;
import io.jixiao.report.repository.ReportVersion;
import io.jixiao.report.repository.ReportWorkflow.Status;
import io.jixiao.report.repository.ReportWorkflow;
import io.jixiao.report.repository.WorkflowLogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records a workflow transition in the transaction that makes it: the workflow log entry, the audit trail entry of a
 * person's action (the state from and to), and the {@link ReportStatusEvent} through the outbox.
 */
@ApplicationScoped
public class TransitionRecorder {

    /** What the audit trail compares before and after an action. */
    record AuditedState(Status status, Integer latestVersion, String reviewComment, LocalDate approvalDate,
            LocalDate publicationDue, Integer publishedVersion, OffsetDateTime publishedAt) {

        static AuditedState of(ReportWorkflow w) {
            return new AuditedState(w.status, w.latestVersion, w.reviewComment, w.approvalDate, w.publicationDue,
                    w.publishedVersion, w.publishedAt);
        }
    }

    private final Outbox outbox;
    private final AuditTrail audit;

    public TransitionRecorder(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Records that {@code w} went from {@code from} to its status by {@code action}; {@code before} is the state to
     * audit against, null for no audit entry (a return to a draft that a change of content caused).
     */
    void record(ReportWorkflow w, Status from, String action, Integer version, String comment, Actor actor,
            AuditedState before) {
        WorkflowLogEntry entry = new WorkflowLogEntry();
        entry.unitCode = w.key.unitCode();
        entry.fiscalYear = w.key.fiscalYear();
        entry.action = action;
        entry.statusFrom = from == null ? null : from.name();
        entry.statusTo = w.status.name();
        entry.version = version;
        entry.comment = comment;
        entry.actor = actor.name();
        entry.source = actor.source() == null ? "unknown" : actor.source();
        entry.at = w.updatedAt;
        entry.persist();
        if (before != null) {
            audit.record("report." + action, w.key.unitCode(), w.key.fiscalYear(),
                    "report " + w.key.unitCode() + " " + w.key.fiscalYear(), actor,
                    audit.diff(before, AuditedState.of(w)));
        }
        String hash = ReportVersion.latestOf(w).map(v -> v.contentHash).orElse(null);
        ReportStatusEvent status = new ReportStatusEvent(w.key.unitCode(), w.key.fiscalYear(), w.status.name(),
                w.latestVersion, hash, w.approvalDate, w.publicationDue, w.publishedAt);
        outbox.add(Topics.REPORT_STATUS, new EventEnvelope<>(UUID.randomUUID(), ReportStatusEvent.TYPE,
                EventEnvelope.unitYearKey(w.key.unitCode(), w.key.fiscalYear()), w.eventVersion,
                w.updatedAt.toInstant(), actor.source(), actor.name(), status));
    }
}
