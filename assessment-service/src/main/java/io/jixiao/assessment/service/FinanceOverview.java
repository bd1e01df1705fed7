package io.jixiao.assessment.service;

import io.jixiao.assessment.api.ScoreSnapshot;
import io.jixiao.assessment.mapping.ScoreMapping;
import io.jixiao.assessment.repository.UnitScore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A year across all units, for the finance department: how the totals are distributed, and who is warned. */
@ApplicationScoped
public class FinanceOverview {

    /** The distribution of totals for a year. */
    public record Summary(
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "已评分且评分依据达到覆盖率要求（定等级）的单位年度数；统计数只含这些。") long count,
            @Schema(description = "待补充的单位年度数：评分依据未达到覆盖率要求，不定等级。") long incomplete,
            @Schema(description = "各等级的单位数：优、良、中、差，及待补充。") Map<String, Long> byGrade,
            @Schema(description = "总分平均数（分）；没有定等级的单位时为空。") BigDecimal mean,
            @Schema(description = "总分中位数（分）。") BigDecimal median,
            @Schema(description = "总分下四分位数（分）。") BigDecimal q1,
            @Schema(description = "总分上四分位数（分）。") BigDecimal q3) {
    }

    /** A unit-year with monitoring warnings. */
    public record Warned(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "所属地区。") String region,
            @Schema(description = "单位级次。") String level,
            @Schema(description = "监控预警。") List<ScoreSnapshot.Warning> warnings) {
    }

    private static final String INCOMPLETE = "待补充";

    private final ScoringService scoring;
    private final EntityManager em;
    private final ScoreMapping mapping;

    public FinanceOverview(ScoringService scoring, EntityManager em, ScoreMapping mapping) {
        this.scoring = scoring;
        this.em = em;
        this.mapping = mapping;
    }

    /**
     * Count per grade, mean, median and quartiles of the graded totals, and the count of incomplete evaluations
     * apart (their points rest on part of the framework, so they are not mixed into the distribution);
     * {@code region} may be null (all).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Summary summary(int year, String region) {
        String inRegion = region == null ? "" : " and region = :region";
        String where = " where fiscal_year = :year and status = 'SCORED'" + inRegion;
        var stats = em.createNativeQuery("select count(*), avg(total),"
                + " percentile_cont(0.5) within group (order by total),"
                + " percentile_cont(0.25) within group (order by total),"
                + " percentile_cont(0.75) within group (order by total) from unit_score" + where);
        var grades = em.createNativeQuery("select coalesce(grade, '" + INCOMPLETE + "'), count(*) from unit_score"
                + " where fiscal_year = :year and status in ('SCORED', 'INCOMPLETE')" + inRegion
                + " group by 1 order by 1");
        stats.setParameter("year", year);
        grades.setParameter("year", year);
        if (region != null) {
            stats.setParameter("region", region);
            grades.setParameter("region", region);
        }
        Object[] s = (Object[]) stats.getSingleResult();
        Map<String, Long> byGrade = new LinkedHashMap<>();
        for (String g : new String[] {"优", "良", "中", "差", INCOMPLETE}) {
            byGrade.put(g, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = grades.getResultList();
        for (Object[] r : rows) {
            byGrade.put((String) r[0], ((Number) r[1]).longValue());
        }
        return new Summary(year, ((Number) s[0]).longValue(), byGrade.get(INCOMPLETE), byGrade, decimal(s[1]), decimal(s[2]), decimal(s[3]),
                decimal(s[4]));
    }

    /** The unit-years of a year with monitoring warnings, red first; {@code level} RED, YELLOW or null (both). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Warned> warned(int year, String level) {
        List<UnitScore> warned = UnitScore.list("key.fiscalYear = ?1 and warningLevel is not null"
                + (level == null ? "" : " and warningLevel = ?2") + " order by warningLevel, key.unitCode",
                level == null ? new Object[] {year} : new Object[] {year, level});
        return warned.stream().map(s -> new Warned(s.key.unitCode(), s.key.fiscalYear(), s.region, s.level,
                mapping.toApi(scoring.read(s).warnings()))).toList();
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, RoundingMode.HALF_UP);
    }
}
