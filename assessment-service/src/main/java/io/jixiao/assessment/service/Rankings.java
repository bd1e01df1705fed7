package io.jixiao.assessment.service;

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

    /** Which unit-years, ordered how. */
    public record Filter(int fiscalYear, String region, String level, String grade, String indicator) {
    }

    /** One unit-year in a ranking. */
    public record Ranked(
            @Schema(description = "名次：按计算总分（或所选指标的得分）从高到低。") int rank,
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "所属地区。") String region,
            @Schema(description = "单位级次。") String level,
            @Schema(description = "计算总分（分）。") BigDecimal total,
            @Schema(description = "等级：优/良/中/差。") String grade,
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
            sql = "select s.unit_code, s.fiscal_year, s.region, s.level, s.total, s.grade, s.declared_total,"
                    + " s.error_findings, s.warning_level, s.framework_id, cast(null as numeric) from unit_score s"
                    + where(f, params, "s") + " order by s.total desc, s.unit_code" + limit;
        } else {
            // driven by the indicator's own index; only the page's rows are joined
            params.put("indicator", f.indicator());
            sql = "select s.unit_code, s.fiscal_year, s.region, s.level, s.total, s.grade, s.declared_total,"
                    + " s.error_findings, s.warning_level, s.framework_id, i.score from indicator_score i"
                    + " join unit_score s on s.unit_code = i.unit_code and s.fiscal_year = i.fiscal_year"
                    + where(f, params, "i") + " and i.code = :indicator"
                    + " order by i.score desc nulls last, i.unit_code" + limit;
        }
        var q = em.createNativeQuery(sql);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<Ranked> out = new ArrayList<>(rows.size());
        int rank = size > 0 ? page * size : 0;
        for (Object[] r : rows) {
            out.add(new Ranked(++rank, (String) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    (BigDecimal) r[4], (String) r[5], (BigDecimal) r[6], ((Number) r[7]).intValue(), (String) r[8],
                    (String) r[9], (BigDecimal) r[10]));
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
        if ("s".equals(table)) {
            where.append(" and s.status = 'SCORED'"); // indicator rows exist for scored unit-years only
        }
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
