package io.jixiao.assessment.service;

import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Indicator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every unit's score of every indicator of a year (and region): one row per unit-year with its coverage and grade,
 * one column per indicator of the frameworks its units were scored by. Read as two streams in unit order and joined
 * as they go, so that tens of thousands of units pass in bounded memory.
 */
@ApplicationScoped
public class IndicatorMatrix {

    /** A column: an indicator of a framework (a leaf, or a heading of the unit's own indicators). */
    public record Column(String code, String name) {
    }

    /** A unit-year's row: who, how complete, and its score per indicator code (null where not assessable). */
    public record Row(String unitCode, String region, String level, String status, BigDecimal coveragePercent,
            BigDecimal total, String grade, Map<String, BigDecimal> scores) {
    }

    private static final int FETCH = 500;

    private final EntityManager em;
    private final FrameworkCatalog frameworks;

    public IndicatorMatrix(EntityManager em, FrameworkCatalog frameworks) {
        this.em = em;
        this.frameworks = frameworks;
    }

    /** The indicators of the frameworks the year's (region's) scored units were scored by, in the frameworks' order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Column> columns(int fiscalYear, String region) {
        var q = em.createNativeQuery("select distinct framework_id, framework_version from unit_score"
                + " where fiscal_year = :year and status in ('SCORED', 'INCOMPLETE')"
                + (region == null ? "" : " and region = :region") + " order by 1, 2");
        q.setParameter("year", fiscalYear);
        if (region != null) {
            q.setParameter("region", region);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> used = q.getResultList();
        for (Object[] f : used) {
            Framework framework = frameworks.find((String) f[0], ((Number) f[1]).intValue()).orElse(null);
            if (framework != null) {
                for (Indicator leaf : framework.leaves()) {
                    columns.putIfAbsent(leaf.code(), new Column(leaf.code(), leaf.name()));
                }
            }
        }
        return List.copyOf(columns.values());
    }

    /** Hands every row to {@code sink} in unit order, reading a few hundred at a time. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void rows(int fiscalYear, String region, Consumer<Row> sink) {
        String where = " where s.fiscal_year = :year and s.status in ('SCORED', 'INCOMPLETE')"
                + (region == null ? "" : " and s.region = :region");
        var units = em.createNativeQuery("select s.unit_code, s.region, s.level, s.status, s.coverage_percent,"
                + " s.total, s.grade from unit_score s" + where + " order by s.unit_code");
        var scores = em.createNativeQuery("select i.unit_code, i.code, i.score, i.assessable from indicator_score i"
                + " join unit_score s on s.unit_code = i.unit_code and s.fiscal_year = i.fiscal_year" + where
                + " order by i.unit_code, i.code");
        for (var q : List.of(units, scores)) {
            q.setParameter("year", fiscalYear).setHint("org.hibernate.fetchSize", FETCH);
            if (region != null) {
                q.setParameter("region", region);
            }
        }
        @SuppressWarnings("unchecked")
        Stream<Object[]> unitRows = units.getResultStream();
        @SuppressWarnings("unchecked")
        Stream<Object[]> scoreRows = scores.getResultStream();
        try (unitRows; scoreRows) {
            Iterator<Object[]> s = scoreRows.iterator();
            Object[] pending = s.hasNext() ? s.next() : null;
            for (Iterator<Object[]> u = unitRows.iterator(); u.hasNext();) {
                Object[] unit = u.next();
                String code = (String) unit[0];
                Map<String, BigDecimal> byIndicator = new LinkedHashMap<>();
                // both streams come in the database's order of unit codes, and every score's unit-year is among the
                // units: a unit's scores are the run that carries its code (no comparison in Java's string order,
                // which need not be the database collation's)
                while (pending != null && pending[0].equals(code)) {
                    if (Boolean.TRUE.equals(pending[3])) {
                        byIndicator.put((String) pending[1], (BigDecimal) pending[2]);
                    }
                    pending = s.hasNext() ? s.next() : null;
                }
                sink.accept(new Row(code, (String) unit[1], (String) unit[2], (String) unit[3], (BigDecimal) unit[4],
                        (BigDecimal) unit[5], (String) unit[6], byIndicator));
            }
        }
    }
}
