package io.jixiao.assessment.rest;

import io.jixiao.assessment.repository.UnitScore;
import io.jixiao.assessment.service.Rankings;
import io.jixiao.assessment.service.Rankings.Filter;
import io.jixiao.assessment.service.Rankings.Ranked;
import io.jixiao.assessment.service.ScoringService;
import io.jixiao.commons.problem.ProblemException;
import io.jixiao.commons.security.Roles;
import io.jixiao.events.assessment.ScoreSnapshot;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Consolidated scores across all units, for the finance department. */
@Path("/")
@Tag(name = "finance", description = "Consolidated queries across units (finance department)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
public class FinanceResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] COLUMNS = {"名次", "单位代码", "年度", "地区", "级次", "计算总分", "等级", "自评总分",
        "错误类问题数", "预警", "指标体系", "指标得分"};

    /** A page of a ranking. */
    public record Page(
            @Schema(description = "页码（从0起）。") int page,
            @Schema(description = "每页条数。") int size,
            @Schema(description = "符合条件的单位年度总数。") long totalCount,
            @Schema(description = "本页的单位年度，按名次。") List<Ranked> items) {
    }

    /** The distribution of totals for a year. */
    public record Summary(
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "已评分的单位年度数。") long count,
            @Schema(description = "各等级的单位数：优、良、中、差，及不可评价。") Map<String, Long> byGrade,
            @Schema(description = "总分平均数（分）；没有已评分单位时为空。") BigDecimal mean,
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

    private final Rankings rankings;
    private final ScoringService scoring;
    private final EntityManager em;

    public FinanceResource(Rankings rankings, ScoringService scoring, EntityManager em) {
        this.rankings = rankings;
        this.scoring = scoring;
        this.em = em;
    }

    @GET
    @Path("rankings")
    @Operation(summary = "Units ranked by total or by one indicator, filtered by region, level and grade, paged")
    public Page ranking(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("grade") String grade,
            @QueryParam("indicator") String indicator, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Filter f = filter(fiscalYear, region, level, grade, indicator);
        return new Page(page, size, rankings.count(f), rankings.page(f, page, size));
    }

    @GET
    @Path("rankings/export")
    @Produces({"text/csv", XLSX})
    @Operation(summary = "The whole ranking as CSV (UTF-8 with BOM, opens in Excel) or XLSX")
    public Response export(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("grade") String grade,
            @QueryParam("indicator") String indicator, @QueryParam("format") @DefaultValue("csv") String format) {
        List<Ranked> all = rankings.page(filter(fiscalYear, region, level, grade, indicator), 0, 0);
        String name = "ranking-" + fiscalYear;
        if ("xlsx".equals(format)) {
            StreamingOutput xlsx = out -> {
                try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
                    Sheet sheet = book.createSheet("排名 " + fiscalYear);
                    Row header = sheet.createRow(0);
                    for (int c = 0; c < COLUMNS.length; c++) {
                        header.createCell(c).setCellValue(COLUMNS[c]);
                    }
                    int r = 1;
                    for (Ranked x : all) {
                        Row row = sheet.createRow(r++);
                        Object[] values = values(x);
                        for (int c = 0; c < values.length; c++) {
                            if (values[c] instanceof BigDecimal d) {
                                row.createCell(c).setCellValue(d.doubleValue()); // a spreadsheet cell is a double
                            } else if (values[c] instanceof Number n) {
                                row.createCell(c).setCellValue(n.doubleValue());
                            } else if (values[c] != null) {
                                row.createCell(c).setCellValue(values[c].toString());
                            }
                        }
                    }
                    book.write(out);
                }
            };
            return Response.ok(xlsx, XLSX).header("Content-Disposition", "attachment; filename=" + name + ".xlsx").build();
        }
        if (!"csv".equals(format)) {
            throw ProblemException.badField("format", "csv or xlsx");
        }
        StreamingOutput csv = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            w.write(String.join(",", COLUMNS) + "\r\n");
            for (Ranked x : all) {
                StringBuilder line = new StringBuilder();
                for (Object v : values(x)) {
                    if (line.length() > 0) {
                        line.append(',');
                    }
                    line.append(csvCell(v));
                }
                w.write(line + "\r\n");
            }
            w.flush();
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=" + name + ".csv").build();
    }

    @GET
    @Path("indicators/{code}")
    @Operation(summary = "One indicator across every unit of a year: actual value and score")
    public List<Rankings.IndicatorRow> indicator(@PathParam("code") String code,
            @QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region) {
        if (!code.matches("\\d+(\\.\\d+){0,2}")) {
            throw ProblemException.badField("code", "an indicator code such as 2.1.1");
        }
        return rankings.indicator(requireYear(fiscalYear), code, region);
    }

    @GET
    @Path("warnings")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Units with monitoring warnings (双监控), red first")
    public List<Warned> warnings(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("level") String level) {
        if (level != null && !level.equals("RED") && !level.equals("YELLOW")) {
            throw ProblemException.badField("level", "RED or YELLOW");
        }
        List<UnitScore> warned = UnitScore.list("key.fiscalYear = ?1 and warningLevel is not null"
                + (level == null ? "" : " and warningLevel = ?2") + " order by warningLevel, key.unitCode",
                level == null ? new Object[] {requireYear(fiscalYear)} : new Object[] {requireYear(fiscalYear), level});
        return warned.stream().map(s -> new Warned(s.key.unitCode(), s.key.fiscalYear(), s.region, s.level,
                scoring.read(s).warnings())).toList();
    }

    @GET
    @Path("summary")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Count per grade, mean, median and quartiles of the totals of a year")
    public Summary summary(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region) {
        int year = requireYear(fiscalYear);
        String where = " where fiscal_year = :year and status = 'SCORED'" + (region == null ? "" : " and region = :region");
        var stats = em.createNativeQuery("select count(*), avg(total),"
                + " percentile_cont(0.5) within group (order by total),"
                + " percentile_cont(0.25) within group (order by total),"
                + " percentile_cont(0.75) within group (order by total) from unit_score" + where);
        var grades = em.createNativeQuery("select coalesce(grade, '不可评价'), count(*) from unit_score" + where
                + " group by 1 order by 1");
        stats.setParameter("year", year);
        grades.setParameter("year", year);
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
        return new Summary(year, ((Number) s[0]).longValue(), byGrade, decimal(s[1]), decimal(s[2]), decimal(s[3]),
                decimal(s[4]));
    }

    private static Filter filter(Integer fiscalYear, String region, String level, String grade, String indicator) {
        if (indicator != null && !indicator.matches("\\d+(\\.\\d+){0,2}")) {
            throw ProblemException.badField("indicator", "an indicator code such as 2.1.1");
        }
        return new Filter(requireYear(fiscalYear), region, level, grade, indicator);
    }

    private static int requireYear(Integer fiscalYear) {
        if (fiscalYear == null) {
            throw ProblemException.badField("fiscalYear", "required");
        }
        return fiscalYear;
    }

    private static Object[] values(Ranked x) {
        return new Object[] {x.rank(), x.unitCode(), x.fiscalYear(), x.region(), x.level(), x.total(), x.grade(),
            x.declaredTotal(), x.errorFindings(), x.warningLevel(), x.frameworkId(), x.indicatorScore()};
    }

    private static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.startsWith("=") || s.startsWith("+")
                || s.startsWith("-") && !(v instanceof Number) || s.startsWith("@")) {
            return "\"" + (s.startsWith("=") || s.startsWith("+") || s.startsWith("@") ? "'" : "")
                    + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) {
            return null;
        }
        BigDecimal d = o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
        return d.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
