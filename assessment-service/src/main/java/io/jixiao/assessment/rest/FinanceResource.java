package io.jixiao.assessment.rest;

import io.jixiao.commons.problem.ProblemException;
import io.jixiao.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consolidated scores across all units, for the finance department. */
@Path("/")
@Tag(name = "finance", description = "Consolidated queries across units (finance department)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
public class FinanceResource {

    /** One unit-year in a ranking. */
    public record Ranked(int rank, String unitCode, int fiscalYear, String region, String level, BigDecimal total,
            String grade, BigDecimal declaredTotal, int errorFindings, String frameworkId, BigDecimal indicatorScore) {
    }

    /** A page of a ranking. */
    public record Page(int page, int size, long totalCount, List<Ranked> items) {
    }

    /** The distribution of totals for a year. */
    public record Summary(int fiscalYear, long count, Map<String, Long> byGrade, BigDecimal mean, BigDecimal median,
            BigDecimal q1, BigDecimal q3) {
    }

    private final EntityManager em;

    public FinanceResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Path("rankings")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Units ranked by total or by one indicator, filtered by region, level and grade, paged")
    public Page ranking(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("grade") String grade,
            @QueryParam("indicator") String indicator, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (fiscalYear == null) {
            throw ProblemException.badField("fiscalYear", "required");
        }
        if (indicator != null && !indicator.matches("\\d+(\\.\\d+){0,2}")) {
            throw ProblemException.badField("indicator", "an indicator code such as 2.1.1");
        }
        StringBuilder where = new StringBuilder(" where s.fiscal_year = :year");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", fiscalYear);
        if (region != null) {
            where.append(" and s.region = :region");
            params.put("region", region);
        }
        if (level != null) {
            where.append(" and s.level = :level");
            params.put("level", level);
        }
        if (grade != null) {
            where.append(" and s.grade = :grade");
            params.put("grade", grade);
        }
        String join = "";
        String order = " order by s.total desc, s.unit_code";
        String indicatorColumn = "null";
        if (indicator != null) {
            join = " left join indicator_score i on i.unit_code = s.unit_code and i.fiscal_year = s.fiscal_year"
                    + " and i.code = :indicator";
            params.put("indicator", indicator);
            order = " order by i.score desc nulls last, s.unit_code";
            indicatorColumn = "i.score";
        }
        var count = em.createNativeQuery("select count(*) from unit_score s" + where);
        var query = em.createNativeQuery("select s.unit_code, s.fiscal_year, s.region, s.level, s.total, s.grade,"
                + " s.declared_total, s.error_findings, s.framework_id, " + indicatorColumn + " from unit_score s" + join
                + where + order + " limit :limit offset :offset");
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            if (!"indicator".equals(k)) {
                count.setParameter(k, v);
            }
        });
        query.setParameter("limit", size).setParameter("offset", page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Ranked> items = new ArrayList<>();
        int rank = page * size;
        for (Object[] r : rows) {
            items.add(new Ranked(++rank, (String) r[0], ((Number) r[1]).intValue(), (String) r[2], (String) r[3],
                    (BigDecimal) r[4], (String) r[5], (BigDecimal) r[6], ((Number) r[7]).intValue(), (String) r[8],
                    (BigDecimal) r[9]));
        }
        return new Page(page, size, ((Number) count.getSingleResult()).longValue(), items);
    }

    @GET
    @Path("summary")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Count per grade, mean, median and quartiles of the totals of a year")
    public Summary summary(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region) {
        if (fiscalYear == null) {
            throw ProblemException.badField("fiscalYear", "required");
        }
        String where = " where fiscal_year = :year" + (region == null ? "" : " and region = :region");
        var stats = em.createNativeQuery("select count(*), avg(total),"
                + " percentile_cont(0.5) within group (order by total),"
                + " percentile_cont(0.25) within group (order by total),"
                + " percentile_cont(0.75) within group (order by total) from unit_score" + where);
        var grades = em.createNativeQuery("select coalesce(grade, '不可评价'), count(*) from unit_score" + where
                + " group by 1 order by 1");
        stats.setParameter("year", fiscalYear);
        grades.setParameter("year", fiscalYear);
        if (region != null) {
            stats.setParameter("region", region);
            grades.setParameter("region", region);
        }
        Object[] s = (Object[]) stats.getSingleResult();
        Map<String, Long> byGrade = new LinkedHashMap<>();
        for (String g : new String[] {"优", "良", "中", "差"}) {
            byGrade.put(g, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = grades.getResultList();
        for (Object[] r : rows) {
            byGrade.put((String) r[0], ((Number) r[1]).longValue());
        }
        return new Summary(fiscalYear, ((Number) s[0]).longValue(), byGrade, decimal(s[1]), decimal(s[2]),
                decimal(s[3]), decimal(s[4]));
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
