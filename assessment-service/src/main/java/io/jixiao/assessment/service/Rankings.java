package io.jixiao.assessment.service;

import io.jixiao.assessment.api.ScoreSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Consolidated queries over every unit's scores, for the finance department. */
@ApplicationScoped
public class Rankings {

    /**
     * Which unit-years, ordered how.
     *
     * @param completeness which evaluations: {@link Completeness#COMPLETE} (graded and ranked),
     *                     {@link Completeness#INCOMPLETE} (待补充), or null for both, the complete ones first
     */
    public record Filter(int fiscalYear, String region, String level, String grade, String indicator,
            Completeness completeness) {
    }

    /** Whether an evaluation's coverage reaches its framework's threshold. */
    public enum Completeness {
        /** graded and ranked */
        COMPLETE("'SCORED'"),
        /** 待补充: points earned so far, no grade, no rank */
        INCOMPLETE("'INCOMPLETE'");

        private final String statuses;

        Completeness(String statuses) {
            this.statuses = statuses;
        }
    }

    /** One unit-year in a ranking. */
    public record Ranked(
            @Schema(description = "名次：按计算总分（或所选指标的得分）从高到低；只有评分依据达到覆盖率要求的评价才有名次，"
                    + "待补充的排在其后，名次为空。") Integer rank,
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "单位名称；单位尚未登记到本服务时为空。") String unitName,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "所属地区。") String region,
            @Schema(description = "单位级次。") String level,
            @Schema(description = "评分状态：SCORED 已评分，INCOMPLETE 待补充（评分依据未达到覆盖率要求）。") String status,
            @Schema(description = "评分依据覆盖率（%）：已核验指标的权重占总权重的比例。") BigDecimal coveragePercent,
            @Schema(description = "计算总分（分）；待补充时为已得分数。") BigDecimal total,
            @Schema(description = "等级：优/良/中/差；待补充时为空。") String grade,
            @Schema(description = "自评总分（申报，分）；未申报时为空。") BigDecimal declaredTotal,
            @Schema(description = "错误级核对问题数（自评得分高于依据）。") int errorFindings,
            @Schema(description = "最高预警级别：RED 红色，YELLOW 黄色；无预警时为空。") String warningLevel,
            @Schema(description = "评分所用的指标体系编码。") String frameworkId,
            @Schema(description = "所选指标的得分（分）；未按指标排名时为空。") BigDecimal indicatorScore) {
    }

    /** One unit's value and score of one indicator. */
    public record IndicatorRow(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "所属地区。") String region,
            @Schema(description = "实际完成值（数值）；不可评价时为空。") BigDecimal actualValue,
            @Schema(description = "计算得分（分）；不可评价时为空。") BigDecimal score,
            @Schema(description = "是否可评价。") boolean assessable) {
    }

    private static final String COLUMNS = "s.unit_code, s.fiscal_year, s.region, s.level, s.status,"
            + " s.coverage_percent, s.total, s.grade, s.declared_total, s.error_findings, s.warning_level,"
            + " s.framework_id, k.name";
    /** The units' names, joined for the page's rows only. */
    private static final String NAMES = " left join known_unit k on k.unit_code = s.unit_code";
    private static final String COMPLETE = ScoreSnapshot.Status.SCORED.name();

    private final EntityManager em;

    public Rankings(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Filter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        var q = em.createNativeQuery("select count(*) from unit_score s" + where(f, params, "s"));
        params.forEach(q::setParameter);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** A page of the ranking; {@code size} 0 means all (for exports). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Ranked> page(Filter f, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String limit = size > 0 ? " limit " + size + " offset " + (long) page * size : "";
        String sql;
        if (f.indicator() == null) {
            sql = "select " + COLUMNS + ", cast(null as numeric) from unit_score s" + NAMES
                    + where(f, params, "s") + " order by s.status desc, s.total desc, s.unit_code" + limit;
        } else {
            // driven by the indicator's own index; only the page's rows are joined
            params.put("indicator", f.indicator());
            sql = "select " + COLUMNS + ", i.score from indicator_score i"
                    + " join unit_score s on s.unit_code = i.unit_code and s.fiscal_year = i.fiscal_year" + NAMES
                    + where(f, params, "i") + " and i.code = :indicator"
                    + " order by i.score desc nulls last, i.unit_code" + limit;
        }
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Ranked> out = new ArrayList<>(rows.size());
        int position = size > 0 ? page * size : 0;
        for (Object[] r : rows) {
            position++;
            String status = (String) r[4];
            // by total, complete evaluations come first, so a position among them is their rank and the incomplete
            // have none; by one indicator, every assessed score is ranked, as the indicator's own coverage is whole
            Integer rank = f.indicator() != null
                    || COMPLETE.equals(status) && f.completeness() != Completeness.INCOMPLETE ? position : null;
            out.add(new Ranked(rank, (String) r[0], (String) r[12], ((Number) r[1]).intValue(), (String) r[2],
                    (String) r[3], status, (BigDecimal) r[5], (BigDecimal) r[6], (String) r[7], (BigDecimal) r[8],
                    ((Number) r[9]).intValue(), (String) r[10], (String) r[11], (BigDecimal) r[13]));
        }
        return out;
    }

    /** One indicator across every unit of a year: value and score, best first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<IndicatorRow> indicator(int fiscalYear, String code, String region) {
        var q = em.createNativeQuery("select i.unit_code, s.region, i.actual_value, i.score, i.assessable"
                + " from indicator_score i join unit_score s on s.unit_code = i.unit_code and s.fiscal_year = i.fiscal_year"
                + " where i.fiscal_year = :year and i.code = :code" + (region == null ? "" : " and s.region = :region")
                + " order by i.score desc nulls last, i.unit_code");
        q.setParameter("year", fiscalYear).setParameter("code", code);
        if (region != null) {
            q.setParameter("region", region);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new IndicatorRow((String) r[0], (String) r[1], (BigDecimal) r[2],
                (BigDecimal) r[3], (Boolean) r[4])).toList();
    }

    private static String where(Filter f, Map<String, Object> params, String table) {
        StringBuilder where = new StringBuilder(" where " + table + ".fiscal_year = :year");
        params.put("year", f.fiscalYear());
        // indicator rows exist for scored unit-years only, complete or not
        where.append(" and s.status in (").append(f.completeness() == null
                ? Completeness.COMPLETE.statuses + ", " + Completeness.INCOMPLETE.statuses
                : f.completeness().statuses).append(")");
        if (f.region() != null) {
            where.append(" and " + table + ".region = :region");
            params.put("region", f.region());
        }
        if (f.level() != null) {
            where.append(" and " + table + ".level = :level");
            params.put("level", f.level());
        }
        if (f.grade() != null) {
            where.append(" and " + table + ".grade = :grade");
            params.put("grade", f.grade());
        }
        return where.toString();
    }
}
