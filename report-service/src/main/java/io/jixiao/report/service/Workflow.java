package io.jixiao.report.service;

import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.model.ReportModel.Variant;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.repository.ReportVersion;
import io.jixiao.report.repository.ReportWorkflow.Status;
import io.jixiao.report.repository.ReportWorkflow;
import io.jixiao.report.service.TransitionRecorder.AuditedState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The report's workflow as a state machine (DESIGN §2, §8): draft → submitted (by the unit's approver; refused while
 * an ERROR finding is neither corrected nor explained, or while its scores do not rest on the figures it shows) →
 * returned with comments / accepted (finance) → published (finance, once the final-accounts approval date is known;
 * due within 20 days of it). Each submission stores an immutable, numbered, SHA-256-hashed version; a later change of
 * content makes the report a draft again. Every transition is recorded ({@link TransitionRecorder}) in its
 * transaction. What a unit-year's workflow looks like is {@link WorkflowViews}'.
 */
@ApplicationScoped
public class Workflow {

    private static final Logger LOG = Logger.getLogger(Workflow.class);

    private final ReportAssembly assembly;
    private final ReportJson json;
    private final TransitionRecorder recorder;
    private final KnownUnits units;
    private final ReportConfig config;
    private final Clock clock = Clock.systemUTC();

    public Workflow(ReportAssembly assembly, ReportJson json, TransitionRecorder recorder,
            KnownUnits units, ReportConfig config) {
        this.assembly = assembly;
        this.json = json;
        this.recorder = recorder;
        this.units = units;
        this.config = config;
    }

    /** Submits the report as it stands: a new immutable version. Only from a draft or a returned report. */
    @Transactional
    public void submit(String unitCode, int fiscalYear, Actor actor) {
        units.requireForChange(unitCode);
        FiscalYears.require(fiscalYear);
        ReportWorkflow w = lockOrCreate(unitCode, fiscalYear, actor);
        AuditedState before = AuditedState.of(w);
        if (w.status != Status.DRAFT && w.status != Status.RETURNED) {
            throw ProblemException.conflict("the report is " + w.status + "; only a draft or a returned report can be"
                    + " submitted (a change to it makes it a draft again)");
        }
        ReportModel internal = assembly.current(unitCode, fiscalYear, Variant.INTERNAL);
        List<String> blocking = internal.blockingRuleIds();
        if (!blocking.isEmpty()) {
            List<Problem.FieldError> errors = internal.findings().stream().filter(ReportModel.ReportFinding::blocking)
                    .map(f -> new Problem.FieldError("findings." + f.ruleId(),
                            "ERROR finding neither corrected nor explained: " + f.title()))
                    .distinct().toList();
            throw new ProblemException(ProblemType.OPEN_FINDINGS,
                    blocking.size() + " error finding(s) must be corrected or explained before the report is submitted",
                    errors);
        }
        List<String> pending = internal.basis().pending();
        if (!pending.isEmpty()) {
            // never submit figures of one version beside scores of another: the score of these figures is on its way
            throw new ProblemException(ProblemType.SCORE_PENDING,
                    "the report's scores do not rest on the figures it shows yet: " + String.join("; ", pending)
                            + ". Submit again once the scores are updated.",
                    pending.stream().map(p -> new Problem.FieldError("scores", p)).toList()).retryAfter(2);
        }
        ReportModel publicModel = assembly.current(unitCode, fiscalYear, Variant.PUBLIC);
        String content = json.write(internal);
        int number = (w.latestVersion == null ? 0 : w.latestVersion) + 1;
        ReportVersion version = new ReportVersion();
        version.key = new ReportVersion.Key(unitCode, fiscalYear, number);
        version.content = content;
        version.publicContent = json.write(publicModel);
        version.contentHash = ReportJson.hash(content);
        version.submittedAt = now();
        version.submittedBy = actor.name();
        version.source = actor.source();
        version.persist();
        w.latestVersion = number;
        w.reviewComment = null;
        transition(w, Status.SUBMITTED, "submit", number, null, actor, before);
    }

    /** Finance returns a submitted report with comments. */
    @Transactional
    public void returnForChanges(String unitCode, int fiscalYear, String comment, Actor actor) {
        ReportWorkflow w = requireStatus(unitCode, fiscalYear, Status.SUBMITTED, "returned");
        AuditedState before = AuditedState.of(w);
        w.reviewComment = comment;
        transition(w, Status.RETURNED, "return", w.latestVersion, comment, actor, before);
    }

    /** Finance accepts a submitted report. */
    @Transactional
    public void accept(String unitCode, int fiscalYear, String comment, Actor actor) {
        ReportWorkflow w = requireStatus(unitCode, fiscalYear, Status.SUBMITTED, "accepted");
        AuditedState before = AuditedState.of(w);
        w.reviewComment = comment;
        transition(w, Status.ACCEPTED, "accept", w.latestVersion, comment, actor, before);
    }

    /** Finance records the date of the final-accounts approval (决算批复): publication is due 20 days after it. */
    @Transactional
    public void setApprovalDate(String unitCode, int fiscalYear, LocalDate approvalDate, Actor actor) {
        units.require(unitCode);
        FiscalYears.require(fiscalYear);
        requirePossibleApproval(fiscalYear, approvalDate);
        ReportWorkflow w = lockOrCreate(unitCode, fiscalYear, actor);
        if (approvalDate.equals(w.approvalDate)) {
            return;
        }
        AuditedState before = AuditedState.of(w);
        w.approvalDate = approvalDate;
        w.publicationDue = approvalDate.plusDays(config.publicationDays());
        transition(w, w.status, "approval-date", w.latestVersion, "决算批复 " + approvalDate, actor, before);
    }

    /** Finance publishes the accepted version; the final-accounts approval date must be known by then. */
    @Transactional
    public void publish(String unitCode, int fiscalYear, LocalDate approvalDate, Actor actor) {
        ReportWorkflow w = requireStatus(unitCode, fiscalYear, Status.ACCEPTED, "published");
        AuditedState before = AuditedState.of(w);
        if (approvalDate != null) {
            requirePossibleApproval(fiscalYear, approvalDate);
            w.approvalDate = approvalDate;
            w.publicationDue = approvalDate.plusDays(config.publicationDays());
        }
        if (w.approvalDate == null) {
            throw new ProblemException(ProblemType.APPROVAL_DATE_MISSING,
                    "the date of the final-accounts approval (决算批复) is needed to publish",
                    List.of(new Problem.FieldError("approvalDate", "required to publish")));
        }
        w.publishedVersion = w.latestVersion;
        w.publishedAt = now();
        transition(w, Status.PUBLISHED, "publish", w.latestVersion, null, actor, before);
    }

    /**
     * Whether a change of the report's content concerns its workflow: a version of it is submitted, returned,
     * accepted or published, and a change would make it a draft again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean hasSubmittedVersion(String unitCode, int fiscalYear) {
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        return w != null && w.status != Status.DRAFT && w.latestVersion != null;
    }

    /**
     * After a change of content: a submitted, returned, accepted or published report whose content no longer equals
     * its last submitted version becomes a draft again. The published version stays published. The change that
     * caused it (narratives, an explanation, or a figure in its own service) is in the audit trail; the return to a
     * draft is in the workflow log.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contentChanged(String unitCode, int fiscalYear, String contentHash, String reason) {
        if (!hasSubmittedVersion(unitCode, fiscalYear)) {
            return;
        }
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        String latestHash = ReportVersion.latestOf(w).map(v -> v.contentHash).orElse(null);
        if (contentHash.equals(latestHash)) {
            return;
        }
        LOG.infof("report %s:%d changed after version %d (%s): a new draft", unitCode, fiscalYear, w.latestVersion,
                reason);
        transition(w, Status.DRAFT, "changed", w.latestVersion, reason,
                new Actor("report-service", "report-service", null, "report-service"), null);
    }

    /** Changes the status and records it; {@code before} is the state to audit against, null for no entry. */
    private void transition(ReportWorkflow w, Status to, String action, Integer version, String comment,
            Actor actor, AuditedState before) {
        Status from = w.status;
        w.status = to;
        w.updatedAt = now();
        w.updatedBy = actor.name();
        w.eventVersion++;
        w.persist();
        recorder.record(w, from, action, version, comment, actor, before);
    }

    private ReportWorkflow lockOrCreate(String unitCode, int fiscalYear, Actor actor) {
        lock(unitCode, fiscalYear);
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        if (w == null) {
            w = new ReportWorkflow();
            w.key = new ReportWorkflow.Key(unitCode, fiscalYear);
            w.status = Status.DRAFT;
            w.eventVersion = 0;
            w.updatedAt = now();
            w.updatedBy = actor.name();
            w.persist();
        }
        return w;
    }

    private ReportWorkflow requireStatus(String unitCode, int fiscalYear, Status required, String verb) {
        units.require(unitCode);
        lock(unitCode, fiscalYear);
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        Status status = w == null ? Status.DRAFT : w.status;
        if (status != required) {
            throw ProblemException.conflict("the report is " + status + "; only a " + required
                    + " report can be " + verb);
        }
        return w;
    }

    /** One writer per unit-year's report: its workflow and what its content says (see {@link ContentState}). */
    private void lock(String unitCode, int fiscalYear) {
        KeyLocks.lock(ContentState.lockKey(unitCode, fiscalYear));
    }

    private void requirePossibleApproval(int fiscalYear, LocalDate approvalDate) {
        if (approvalDate == null) {
            throw ProblemException.badField("approvalDate", "required");
        }
        if (!approvalDate.isAfter(LocalDate.of(fiscalYear, 12, 31))) {
            throw ProblemException.badField("approvalDate",
                    "the final accounts of " + fiscalYear + " are approved after the year ends");
        }
        if (approvalDate.isAfter(LocalDate.now(clock))) {
            throw ProblemException.badField("approvalDate", "must not be in the future");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
