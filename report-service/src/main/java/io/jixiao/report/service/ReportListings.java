package io.jixiao.report.service;

import io.jixiao.report.repository.ReportWorkflow.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reports across unit-years: finance's review queue and counts per state, the published reports anyone may read, and
 * the fiscal years a unit (or the platform) has figures for. Each list is one indexed query over the workflow table
 * joined to the units' names, paged.
 */
@ApplicationScoped
public class ReportListings {

    /** A unit-year's report in a list. */
    public record Listed(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "单位名称；单位尚未登记到本服务时为空。") String unitName,
            @Schema(description = "所属地区。") String region,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "状态：SUBMITTED 已报送，RETURNED 已退回，ACCEPTED 已审核，PUBLISHED 已公开，DRAFT 草稿。")
            Status status,
            @Schema(description = "最近报送的版本号。") Integer latestVersion,
            @Schema(description = "最近变化时间（报送、审核、公开等）。") OffsetDateTime updatedAt,
            @Schema(description = "公开截止日；尚未登记决算批复日期时为空。") LocalDate publicationDue,
            @Schema(description = "是否已过公开截止日而未公开。") boolean overdue,
            @Schema(description = "公开时间；尚未公开时为空。") OffsetDateTime publishedAt) {
    }

    /** A page of reports and the counts of the whole selection per state. */
    public record Listing(
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "所属地区；为空表示全部。") String region,
            @Schema(description = "各状态的报告数（所选年度和地区，不受状态筛选影响）。") Map<Status, Long> counts,
            @Schema(description = "已过公开截止日而未公开的报告数。") long overdue,
            @Schema(description = "符合筛选条件的报告数。") long total,
            @Schema(description = "页码，从0开始。") int page,
            @Schema(description = "每页条数。") int size,
            @Schema(description = "本页的报告。") List<Listed> items) {

        /** The same page without the counts of other states (what the public may know is what is published). */
        Listing withoutCounts() {
            Map<Status, Long> published = new EnumMap<>(Status.class);
            published.put(Status.PUBLISHED, counts.get(Status.PUBLISHED));
            return new Listing(fiscalYear, region, published, 0, total, page, size, items);
        }
    }

    private static final String FROM = " from report_workflow w left join known_unit u on u.unit_code = w.unit_code"
            + " where w.fiscal_year = :year and (cast(:region as text) is null or u.region = :region)";

    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    public ReportListings(EntityManager em) {
        this.em = em;
    }

    /** The reports of a year (and region), optionally of one state, oldest change first: a review queue's order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing list(int year, String region, Status status, int page, int size) {
        return list(year, region, status, page, size, "w.updated_at, w.unit_code");
    }

    private Listing list(int year, String region, Status status, int page, int size, String order) {
        LocalDate today = LocalDate.now(clock);
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        var byStatus = em.createNativeQuery("select w.status, count(*)," + " count(*) filter (where"
                + " w.publication_due < :today and w.published_at is null)" + FROM + " group by w.status")
                .setParameter("year", year).setParameter("region", region).setParameter("today", Date.valueOf(today));
        long overdue = 0;
        for (Object row : byStatus.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(Status.valueOf((String) r[0]), ((Number) r[1]).longValue());
            overdue += ((Number) r[2]).longValue();
        }
        String inStatus = status == null ? "" : " and w.status = :status";
        var rows = em.createNativeQuery("select w.unit_code, u.name, u.region, w.fiscal_year, w.status,"
                + " w.latest_version, w.updated_at, w.publication_due, w.published_at" + FROM + inStatus
                + " order by " + order + " limit :size offset :offset")
                .setParameter("year", year).setParameter("region", region)
                .setParameter("size", size).setParameter("offset", (long) page * size);
        if (status != null) {
            rows.setParameter("status", status.name());
        }
        List<Listed> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            LocalDate due = r[7] == null ? null : r[7] instanceof LocalDate d ? d : ((Date) r[7]).toLocalDate();
            OffsetDateTime publishedAt = offset(r[8]);
            items.add(new Listed((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                    Status.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).intValue(), offset(r[6]),
                    due, due != null && publishedAt == null && due.isBefore(today), publishedAt));
        }
        long total = status == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.get(status);
        return new Listing(year, region, counts, overdue, total, page, size, items);
    }

    /** Published reports of a year (and region), newest publication first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Listing published(int year, String region, int page, int size) {
        return list(year, region, Status.PUBLISHED, page, size, "w.published_at desc, w.unit_code").withoutCounts();
    }

    /** The fiscal years this service holds figures or a report for, of one unit or of all (null), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> years(String unitCode) {
        String unit = unitCode == null ? "" : " where unit_code = :unit";
        var q = em.createNativeQuery("select fiscal_year from upstream_snapshot" + unit
                + " union select fiscal_year from report_workflow" + unit + " order by 1 desc");
        if (unitCode != null) {
            q.setParameter("unit", unitCode);
        }
        List<Integer> years = new ArrayList<>();
        for (Object y : q.getResultList()) {
            years.add(((Number) y).intValue());
        }
        return years;
    }

    /** The fiscal years with a published report, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> publishedYears() {
        List<Integer> years = new ArrayList<>();
        for (Object y : em.createNativeQuery("select distinct fiscal_year from report_workflow"
                + " where published_version is not null order by 1 desc").getResultList()) {
            years.add(((Number) y).intValue());
        }
        return years;
    }

    private static OffsetDateTime offset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
