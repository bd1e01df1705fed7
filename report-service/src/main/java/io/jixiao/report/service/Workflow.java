package io.jixiao.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.audit.AuditTrail;
import io.jixiao.commons.documents.Actor;
import io.jixiao.commons.documents.FiscalYears;
import io.jixiao.commons.outbox.Outbox;
import io.jixiao.commons.problem.Problem;
import io.jixiao.commons.problem.ProblemException;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.report.ReportStatusEvent;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.model.ReportModel.Variant;
import io.jixiao.report.repository.ReportVersion;
import io.jixiao.report.repository.ReportWorkflow;
import io.jixiao.report.repository.ReportWorkflow.Status;
import io.jixiao.report.repository.WorkflowLogEntry;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The report's workflow (DESIGN §2, §8): draft → submitted (by the unit's approver; refused while an ERROR finding is
 * neither corrected nor explained) → returned with comments / accepted (finance) → published (finance, once the
 * final-accounts approval date is known; due within 20 days of it). Each submission stores an immutable, numbered,
 * SHA-256-hashed version; a later change to the figures, narratives or explanations makes the report a draft again.
 * Every status change is published as a {@link ReportStatusEvent} through the outbox, in the same transaction; every
 * action of a person (submit, return, accept, approval date, publish) is in the audit trail with the state from and to.
 * The return to a draft that a change of content causes is not an action of its own there: the change that caused it
 * (narratives, an explanation, or a figure in its own service) is.
 */
@ApplicationScoped
public class Workflow {

    private static final Logger LOG = Logger.getLogger(Workflow.class);

    /** A workflow as the API shows it. */
    public record View(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "状态：DRAFT 草稿，SUBMITTED 已报送，RETURNED 已退回，ACCEPTED 已审核，PUBLISHED 已公开。")
            Status status,
            @Schema(description = "最近报送的版本号；从未报送时为空。") Integer latestVersion,
            @Schema(description = "最近报送版本内容的 SHA-256（十六进制）。") String latestHash,
            @Schema(description = "报送后内容是否有变化（数字、报告文字或情况说明）。") boolean changedSinceSubmission,
            @Schema(description = "阻止提交的核对问题：既未更正也未说明的错误级问题的规则编码。") List<String> blockingFindings,
            @Schema(description = "评分未跟上的数据：报告所示版本尚未被评分采用的各类数据；不为空时不能提交。")
            List<String> scorePending,
            @Schema(description = "财政审核意见。") String reviewComment,
            @Schema(description = "决算批复日期；尚未登记时为空。") LocalDate approvalDate,
            @Schema(description = "公开截止日：决算批复后20日内。") LocalDate publicationDue,
            @Schema(description = "距公开截止日的天数；已逾期时为负数。") Long daysToDue,
            @Schema(description = "已公开的版本号；尚未公开时为空。") Integer publishedVersion,
            @Schema(description = "公开时间。") OffsetDateTime publishedAt,
            @Schema(description = "公开报告的地址（无需登录）。") String publicPath) {
    }

    /** A submitted version, without its content. */
    public record VersionInfo(
            @Schema(description = "版本号。") int number,
            @Schema(description = "内容的 SHA-256（十六进制）。") String contentHash,
            @Schema(description = "报送时间。") OffsetDateTime submittedAt,
            @Schema(description = "报送人。") String submittedBy,
            @Schema(description = "来源系统。") String source) {
    }

    /** A log entry of the workflow. */
    public record LogView(
            @Schema(description = "操作：submit 报送，return 退回，accept 审核通过，approval-date 登记决算批复日期，"
                    + "publish 公开，changed 内容变化后回到草稿。")
            String action,
            @Schema(description = "操作前的状态。") String statusFrom,
            @Schema(description = "操作后的状态。") String statusTo,
            @Schema(description = "涉及的版本号。") Integer version,
            @Schema(description = "意见或说明。") String comment,
            @Schema(description = "操作人。") String actor,
            @Schema(description = "来源系统。") String source,
            @Schema(description = "操作时间。") OffsetDateTime at) {
    }

    /** What the audit trail compares before and after an action. */
    record AuditedState(Status status, Integer latestVersion, String reviewComment, LocalDate approvalDate,
            LocalDate publicationDue, Integer publishedVersion, OffsetDateTime publishedAt) {

        static AuditedState of(ReportWorkflow w) {
            return new AuditedState(w.status, w.latestVersion, w.reviewComment, w.approvalDate, w.publicationDue,
                    w.publishedVersion, w.publishedAt);
        }
    }

    /** A publication that is overdue or due soon. */
    public record Due(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "状态：DRAFT 草稿，SUBMITTED 已报送，RETURNED 已退回，ACCEPTED 已审核。") Status status,
            @Schema(description = "决算批复日期。") LocalDate approvalDate,
            @Schema(description = "公开截止日：决算批复后20日内。") LocalDate publicationDue,
            @Schema(description = "距公开截止日的天数；已逾期时为负数。") long daysLeft,
            @Schema(description = "是否已逾期。") boolean overdue) {
    }

    private final ReportAssembly assembly;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final EntityManager em;
    private final KnownUnits units;
    private final ReportConfig config;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    public Workflow(ReportAssembly assembly, Outbox outbox, ObjectMapper mapper, EntityManager em, KnownUnits units,
            ReportConfig config, AuditTrail audit) {
        this.assembly = assembly;
        this.outbox = outbox;
        this.mapper = mapper;
        this.em = em;
        this.units = units;
        this.config = config;
        this.audit = audit;
    }

    /** The public path of a unit-year's published report (served without login). */
    public static String publicPath(String unitCode, int fiscalYear) {
        return "/api/reports/public/units/" + unitCode + "/years/" + fiscalYear;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View view(String unitCode, int fiscalYear) {
        units.require(unitCode);
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        ReportModel current = assembly.current(unitCode, fiscalYear, Variant.INTERNAL);
        List<String> blocking = blocking(current);
        List<String> pending = current.basis().pending();
        if (w == null) {
            return new View(unitCode, fiscalYear, Status.DRAFT, null, null, false, blocking, pending, null, null, null,
                    null, null, null, null);
        }
        String latestHash = latest(w).map(v -> v.contentHash).orElse(null);
        boolean changed = latestHash != null && !latestHash.equals(hash(json(current)));
        Long daysToDue = w.publicationDue == null ? null
                : ChronoUnit.DAYS.between(LocalDate.now(clock), w.publicationDue);
        return new View(unitCode, fiscalYear, w.status, w.latestVersion, latestHash, changed, blocking, pending,
                w.reviewComment, w.approvalDate, w.publicationDue, daysToDue, w.publishedVersion, w.publishedAt,
                w.publishedVersion == null ? null : publicPath(unitCode, fiscalYear));
    }

    /** Submits the report as it stands: a new immutable version. Only from a draft or a returned report. */
    @Transactional
    public View submit(String unitCode, int fiscalYear, Actor actor) {
        units.requireForChange(unitCode);
        FiscalYears.require(fiscalYear);
        ReportWorkflow w = lockOrCreate(unitCode, fiscalYear, actor);
        AuditedState before = AuditedState.of(w);
        if (w.status != Status.DRAFT && w.status != Status.RETURNED) {
            throw ProblemException.conflict("the report is " + w.status + "; only a draft or a returned report can be"
                    + " submitted (a change to it makes it a draft again)");
        }
        ReportModel internal = assembly.current(unitCode, fiscalYear, Variant.INTERNAL);
        List<String> blocking = blocking(internal);
        if (!blocking.isEmpty()) {
            List<Problem.FieldError> errors = internal.findings().stream().filter(ReportModel.ReportFinding::blocking)
                    .map(f -> new Problem.FieldError("findings." + f.ruleId(),
                            "ERROR finding neither corrected nor explained: " + f.title()))
                    .distinct().toList();
            throw new ProblemException(409, "urn:jixiao:problem:open-findings", "Open error findings",
                    blocking.size() + " error finding(s) must be corrected or explained before the report is submitted",
                    errors);
        }
        List<String> pending = internal.basis().pending();
        if (!pending.isEmpty()) {
            // never submit figures of one version beside scores of another: the score of these figures is on its way
            throw new ProblemException(409, "urn:jixiao:problem:score-pending", "Score pending",
                    "the report's scores do not rest on the figures it shows yet: " + String.join("; ", pending)
                            + ". Submit again once the scores are updated.",
                    pending.stream().map(p -> new Problem.FieldError("scores", p)).toList()).retryAfter(2);
        }
        ReportModel publicModel = assembly.current(unitCode, fiscalYear, Variant.PUBLIC);
        String content = json(internal);
        int number = (w.latestVersion == null ? 0 : w.latestVersion) + 1;
        ReportVersion version = new ReportVersion();
        version.key = new ReportVersion.Key(unitCode, fiscalYear, number);
        version.content = content;
        version.publicContent = json(publicModel);
        version.contentHash = hash(content);
        version.submittedAt = now();
        version.submittedBy = actor.name();
        version.source = actor.source();
        version.persist();
        w.latestVersion = number;
        w.reviewComment = null;
        transition(w, Status.SUBMITTED, "submit", number, null, actor, before);
        return view(unitCode, fiscalYear);
    }

    /** Finance returns a submitted report with comments. */
    @Transactional
    public View returnForChanges(String unitCode, int fiscalYear, String comment, Actor actor) {
        ReportWorkflow w = requireStatus(unitCode, fiscalYear, Status.SUBMITTED, "returned");
        AuditedState before = AuditedState.of(w);
        w.reviewComment = comment;
        transition(w, Status.RETURNED, "return", w.latestVersion, comment, actor, before);
        return view(unitCode, fiscalYear);
    }

    /** Finance accepts a submitted report. */
    @Transactional
    public View accept(String unitCode, int fiscalYear, String comment, Actor actor) {
        ReportWorkflow w = requireStatus(unitCode, fiscalYear, Status.SUBMITTED, "accepted");
        AuditedState before = AuditedState.of(w);
        w.reviewComment = comment;
        transition(w, Status.ACCEPTED, "accept", w.latestVersion, comment, actor, before);
        return view(unitCode, fiscalYear);
    }

    /** Finance records the date of the final-accounts approval (决算批复): publication is due 20 days after it. */
    @Transactional
    public View setApprovalDate(String unitCode, int fiscalYear, LocalDate approvalDate, Actor actor) {
        units.require(unitCode);
        FiscalYears.require(fiscalYear);
        requirePossibleApproval(fiscalYear, approvalDate);
        ReportWorkflow w = lockOrCreate(unitCode, fiscalYear, actor);
        if (approvalDate.equals(w.approvalDate)) {
            return view(unitCode, fiscalYear);
        }
        AuditedState before = AuditedState.of(w);
        w.approvalDate = approvalDate;
        w.publicationDue = approvalDate.plusDays(config.publicationDays());
        transition(w, w.status, "approval-date", w.latestVersion, "决算批复 " + approvalDate, actor, before);
        return view(unitCode, fiscalYear);
    }

    /** Finance publishes the accepted version; the final-accounts approval date must be known by then. */
    @Transactional
    public View publish(String unitCode, int fiscalYear, LocalDate approvalDate, Actor actor) {
        ReportWorkflow w = requireStatus(unitCode, fiscalYear, Status.ACCEPTED, "published");
        AuditedState before = AuditedState.of(w);
        if (approvalDate != null) {
            requirePossibleApproval(fiscalYear, approvalDate);
            w.approvalDate = approvalDate;
            w.publicationDue = approvalDate.plusDays(config.publicationDays());
        }
        if (w.approvalDate == null) {
            throw new ProblemException(409, "urn:jixiao:problem:approval-date-missing", "Approval date missing",
                    "the date of the final-accounts approval (决算批复) is needed to publish",
                    List.of(new Problem.FieldError("approvalDate", "required to publish")));
        }
        w.publishedVersion = w.latestVersion;
        w.publishedAt = now();
        transition(w, Status.PUBLISHED, "publish", w.latestVersion, null, actor, before);
        return view(unitCode, fiscalYear);
    }

    /**
     * Called after a change to what the report is made of (figures, narratives, explanations): a submitted, returned,
     * accepted or published report whose content no longer equals its last submitted version becomes a draft again.
     * The published version stays published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void contentMayHaveChanged(String unitCode, int fiscalYear, String reason) {
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        if (w == null || w.status == Status.DRAFT || w.latestVersion == null) {
            return;
        }
        String latestHash = latest(w).map(v -> v.contentHash).orElse(null);
        String now = hash(json(assembly.current(unitCode, fiscalYear, Variant.INTERNAL)));
        if (now.equals(latestHash)) {
            return;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "report:" + unitCode + ":" + fiscalYear).getSingleResult();
        LOG.infof("report %s:%d changed after version %d (%s): a new draft", unitCode, fiscalYear, w.latestVersion,
                reason);
        transition(w, Status.DRAFT, "changed", w.latestVersion, reason,
                new Actor("report-service", "report-service", null, "report-service"), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VersionInfo> versions(String unitCode, int fiscalYear) {
        units.require(unitCode);
        List<ReportVersion> versions = ReportVersion.list("key.unitCode = ?1 and key.fiscalYear = ?2",
                Sort.by("key.number"), unitCode, fiscalYear);
        return versions.stream().map(v -> new VersionInfo(v.key.number(), v.contentHash, v.submittedAt,
                v.submittedBy, v.source)).toList();
    }

    /** A submitted version's content, as stored (internal or public variant). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportModel version(String unitCode, int fiscalYear, int number, Variant variant) {
        ReportVersion v = ReportVersion.findById(new ReportVersion.Key(unitCode, fiscalYear, number));
        if (v == null) {
            throw ProblemException.notFound("no version " + number + " of the report of " + unitCode + " for "
                    + fiscalYear);
        }
        return read(variant == Variant.INTERNAL ? v.content : v.publicContent);
    }

    /** The published version, public variant: what anyone may read. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportModel> published(String unitCode, int fiscalYear) {
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        if (w == null || w.publishedVersion == null) {
            return Optional.empty();
        }
        return Optional.of(version(unitCode, fiscalYear, w.publishedVersion, Variant.PUBLIC));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LogView> log(String unitCode, int fiscalYear) {
        units.require(unitCode);
        List<WorkflowLogEntry> entries = WorkflowLogEntry.list("unitCode = ?1 and fiscalYear = ?2", Sort.by("id"),
                unitCode, fiscalYear);
        return entries.stream().map(e -> new LogView(e.action, e.statusFrom, e.statusTo, e.version, e.comment,
                e.actor, e.source, e.at)).toList();
    }

    /** Unpublished reports whose publication is overdue or due within {@code withinDays} days. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Due> due(Integer withinDays) {
        int days = withinDays == null ? config.dueSoonDays() : withinDays;
        if (days < 0 || days > 366) {
            throw ProblemException.badField("withinDays", "must be from 0 to 366");
        }
        LocalDate today = LocalDate.now(clock);
        List<ReportWorkflow> rows = ReportWorkflow.list(
                "publishedAt is null and publicationDue is not null and publicationDue <= ?1",
                Sort.by("publicationDue").and("key.unitCode"), today.plusDays(days));
        return rows.stream().map(w -> {
            long left = ChronoUnit.DAYS.between(today, w.publicationDue);
            return new Due(w.key.unitCode(), w.key.fiscalYear(), w.status, w.approvalDate, w.publicationDue, left,
                    left < 0);
        }).toList();
    }

    /** The ERROR findings that are neither corrected nor explained, by rule id. */
    public static List<String> blocking(ReportModel internal) {
        return internal.findings().stream().filter(ReportModel.ReportFinding::blocking)
                .map(ReportModel.ReportFinding::ruleId).distinct().toList();
    }

    /** SHA-256 of a version's content, hex. */
    public static String hash(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes the status, logs it, publishes it; {@code before} is the state to audit against, null for no entry. */
    private void transition(ReportWorkflow w, Status to, String action, Integer version, String comment,
            Actor actor, AuditedState before) {
        Status from = w.status;
        w.status = to;
        w.updatedAt = now();
        w.updatedBy = actor.name();
        w.eventVersion++;
        w.persist();

        WorkflowLogEntry entry = new WorkflowLogEntry();
        entry.unitCode = w.key.unitCode();
        entry.fiscalYear = w.key.fiscalYear();
        entry.action = action;
        entry.statusFrom = from == null ? null : from.name();
        entry.statusTo = to.name();
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

        String hash = latest(w).map(v -> v.contentHash).orElse(null);
        ReportStatusEvent status = new ReportStatusEvent(w.key.unitCode(), w.key.fiscalYear(), to.name(),
                w.latestVersion, hash, w.approvalDate, w.publicationDue, w.publishedAt);
        outbox.add(Topics.REPORT_STATUS, new EventEnvelope<>(UUID.randomUUID(), ReportStatusEvent.TYPE,
                EventEnvelope.unitYearKey(w.key.unitCode(), w.key.fiscalYear()), w.eventVersion,
                w.updatedAt.toInstant(), actor.source(), actor.name(), status));
    }

    private ReportWorkflow lockOrCreate(String unitCode, int fiscalYear, Actor actor) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "report:" + unitCode + ":" + fiscalYear).getSingleResult();
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
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "report:" + unitCode + ":" + fiscalYear).getSingleResult();
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        Status status = w == null ? Status.DRAFT : w.status;
        if (status != required) {
            throw ProblemException.conflict("the report is " + status + "; only a " + required
                    + " report can be " + verb);
        }
        return w;
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

    private Optional<ReportVersion> latest(ReportWorkflow w) {
        if (w.latestVersion == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(ReportVersion.findById(new ReportVersion.Key(w.key.unitCode(), w.key.fiscalYear(),
                w.latestVersion)));
    }


    private String json(ReportModel model) {
        try {
            return mapper.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReportModel read(String json) {
        try {
            return mapper.readValue(json, ReportModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored report version is unreadable", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
