package io.jixiao.report.service;

import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.model.ReportModel.Variant;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.repository.ReportVersion;
import io.jixiao.report.repository.ReportWorkflow.Status;
import io.jixiao.report.repository.ReportWorkflow;
import io.jixiao.report.repository.WorkflowLogEntry;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the report's workflow shows: where a unit-year stands (from what its content says now, kept when it changes:
 * nothing is rendered for a status), the submitted versions and their content, the published one, the workflow log,
 * and the publications due.
 */
@ApplicationScoped
public class WorkflowViews {

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

    /** Unpublished reports with a deadline no later than ?1 (the last day of the window). */
    private static final String DUE = dueCondition("");
    private static final int FETCH = 500;

    private final ContentState content;
    private final KnownUnits units;
    private final ReportJson json;
    private final ReportConfig config;
    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    public WorkflowViews(ContentState content, KnownUnits units, ReportJson json, ReportConfig config,
            EntityManager em) {
        this.content = content;
        this.units = units;
        this.json = json;
        this.config = config;
        this.em = em;
    }

    /** The public path of a unit-year's published report (served without login). */
    public static String publicPath(String unitCode, int fiscalYear) {
        return "/api/reports/public/units/" + unitCode + "/years/" + fiscalYear;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View view(String unitCode, int fiscalYear) {
        units.require(unitCode);
        ReportWorkflow w = ReportWorkflow.findById(new ReportWorkflow.Key(unitCode, fiscalYear));
        ContentState.Now now = content.now(unitCode, fiscalYear);
        if (w == null) {
            return new View(unitCode, fiscalYear, Status.DRAFT, null, null, false, now.blocking(), now.scorePending(),
                    null, null, null, null, null, null, null);
        }
        String latestHash = ReportVersion.latestOf(w).map(v -> v.contentHash).orElse(null);
        boolean changed = latestHash != null && !latestHash.equals(now.contentHash());
        Long daysToDue = w.publicationDue == null ? null
                : ChronoUnit.DAYS.between(LocalDate.now(clock), w.publicationDue);
        return new View(unitCode, fiscalYear, w.status, w.latestVersion, latestHash, changed, now.blocking(),
                now.scorePending(), w.reviewComment, w.approvalDate, w.publicationDue, daysToDue, w.publishedVersion,
                w.publishedAt, w.publishedVersion == null ? null : publicPath(unitCode, fiscalYear));
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
        return json.read(variant == Variant.INTERNAL ? v.content : v.publicContent);
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

    /** A publication that is overdue or due soon, with the unit's name (单位名称; null for a unit not known here). */
    public record DueUnit(Due due, String unitName) {
    }

    /** Unpublished reports whose publication is overdue or due within {@code withinDays} days. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Due> due(Integer withinDays) {
        int days = dueWindow(withinDays);
        LocalDate today = LocalDate.now(clock);
        List<ReportWorkflow> rows = ReportWorkflow.list(DUE, Sort.by("publicationDue").and("key.unitCode"),
                today.plusDays(days));
        return rows.stream().map(w -> due(today, w.key.unitCode(), w.key.fiscalYear(), w.status, w.approvalDate,
                w.publicationDue)).toList();
    }

    /**
     * The same publications as {@link #due(Integer)}, in the same order (the most overdue first), each with its
     * unit's name, handed to {@code sink} as the database hands them over a few hundred at a time. {@code days} is
     * a window {@link #dueWindow(Integer)} accepted.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    @TransactionConfiguration(timeout = YearFindings.STREAMING_TIMEOUT_SECONDS)
    public void due(int days, Consumer<DueUnit> sink) {
        LocalDate today = LocalDate.now(clock);
        var q = em.createQuery("select w.key.unitCode, w.key.fiscalYear, w.status, w.approvalDate, w.publicationDue,"
                + " u.name from ReportWorkflow w left join KnownUnit u on u.unitCode = w.key.unitCode"
                + " where " + dueCondition("w.") + " order by w.publicationDue, w.key.unitCode", Object[].class);
        q.setParameter(1, today.plusDays(days)).setHint("org.hibernate.fetchSize", FETCH);
        try (Stream<Object[]> rows = q.getResultStream()) {
            for (Iterator<Object[]> it = rows.iterator(); it.hasNext();) {
                Object[] r = it.next();
                sink.accept(new DueUnit(due(today, (String) r[0], (Integer) r[1], (Status) r[2], (LocalDate) r[3],
                        (LocalDate) r[4]), (String) r[5]));
            }
        }
    }

    /** The window of {@code ?withinDays}: the configured default when not given, else 0 to 366 days. */
    public int dueWindow(Integer withinDays) {
        int days = withinDays == null ? config.dueSoonDays() : withinDays;
        if (days < 0 || days > 366) {
            throw ProblemException.badField("withinDays", "must be from 0 to 366");
        }
        return days;
    }

    private static String dueCondition(String alias) {
        return alias + "publishedAt is null and " + alias + "publicationDue is not null and " + alias
                + "publicationDue <= ?1";
    }

    private static Due due(LocalDate today, String unitCode, int fiscalYear, Status status, LocalDate approvalDate,
            LocalDate publicationDue) {
        long left = ChronoUnit.DAYS.between(today, publicationDue);
        return new Due(unitCode, fiscalYear, status, approvalDate, publicationDue, left, left < 0);
    }
}
