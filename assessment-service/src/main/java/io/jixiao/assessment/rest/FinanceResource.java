package io.jixiao.assessment.rest;

import io.jixiao.assessment.export.IndicatorMatrixTable;
import io.jixiao.assessment.export.RankingTable;
import io.jixiao.assessment.service.IndicatorMatrix;
import io.jixiao.assessment.service.FinanceOverview.Summary;
import io.jixiao.assessment.service.FinanceOverview.Warned;
import io.jixiao.assessment.service.FinanceOverview;
import io.jixiao.assessment.service.Rankings.Filter;
import io.jixiao.assessment.service.Rankings.Ranked;
import io.jixiao.assessment.service.Rankings;
import io.jixiao.commons.security.Roles;
import io.jixiao.commons.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consolidated scores across all units, for the finance department. */
@Path("/")
@Tag(name = "finance", description = "Consolidated queries across units (finance department)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
public class FinanceResource {

    static final String XLSX = RankingTable.XLSX;

    /** A page of a ranking. */
    public record Page(
            @Schema(description = "页码（从0起）。") int page,
            @Schema(description = "每页条数。") int size,
            @Schema(description = "符合条件的单位年度总数。") long totalCount,
            @Schema(description = "本页的单位年度，按名次。") List<Ranked> items) {
    }

    private final Rankings rankings;
    private final FinanceOverview overview;
    private final IndicatorMatrix matrix;

    public FinanceResource(Rankings rankings, FinanceOverview overview, IndicatorMatrix matrix) {
        this.rankings = rankings;
        this.overview = overview;
        this.matrix = matrix;
    }

    @GET
    @Path("rankings")
    @Operation(summary = "Units ranked by total or by one indicator, filtered by region, level, grade and completeness,"
            + " paged: complete evaluations ranked first, incomplete ones (待补充) after them without a rank")
    public Page ranking(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("grade") String grade,
            @QueryParam("indicator") String indicator, @QueryParam("completeness") String completeness,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        Filter f = filter(fiscalYear, region, level, grade, indicator, completeness);
        return new Page(page, size, rankings.count(f), rankings.page(f, page, size));
    }

    @GET
    @Path("rankings/export")
    @Produces({"text/csv", XLSX})
    @Operation(summary = "The whole ranking as CSV (UTF-8 with BOM, opens in Excel) or XLSX")
    public Response export(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("grade") String grade,
            @QueryParam("indicator") String indicator, @QueryParam("completeness") String completeness,
            @QueryParam("format") @DefaultValue("csv") String format) {
        Filter f = filter(fiscalYear, region, level, grade, indicator, completeness);
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw ProblemException.badField("format", "csv or xlsx");
        }
        List<Ranked> all = rankings.page(f, 0, 0);
        String name = "ranking-" + fiscalYear;
        if ("xlsx".equals(format)) {
            StreamingOutput xlsx = out -> RankingTable.writeXlsx(all, "排名 " + fiscalYear, out);
            return Response.ok(xlsx, XLSX).header("Content-Disposition", "attachment; filename=" + name + ".xlsx").build();
        }
        StreamingOutput csv = out -> RankingTable.writeCsv(all, out);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=" + name + ".csv").build();
    }

    @GET
    @Path("exports/indicators")
    @Produces(XLSX)
    @Operation(summary = "Every unit's score of every indicator of a year (and region) as XLSX: one row per unit with its"
            + " coverage and grade, one column per indicator; streamed, for tens of thousands of units")
    public Response indicatorMatrix(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region) {
        int year = requireYear(fiscalYear);
        List<IndicatorMatrix.Column> columns = matrix.columns(year, region);
        StreamingOutput xlsx = out -> IndicatorMatrixTable.writeXlsx("指标得分 " + year, columns,
                sink -> matrix.rows(year, region, sink), out);
        return Response.ok(xlsx, XLSX)
                .header("Content-Disposition", "attachment; filename=indicator-scores-" + year + ".xlsx").build();
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
    @Operation(summary = "Units with monitoring warnings (双监控), red first")
    public List<Warned> warnings(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("level") String level) {
        if (level != null && !level.equals("RED") && !level.equals("YELLOW")) {
            throw ProblemException.badField("level", "RED or YELLOW");
        }
        return overview.warned(requireYear(fiscalYear), level);
    }

    @GET
    @Path("summary")
    @Operation(summary = "Count per grade, mean, median and quartiles of the totals of a year")
    public Summary summary(@QueryParam("fiscalYear") Integer fiscalYear, @QueryParam("region") String region) {
        return overview.summary(requireYear(fiscalYear), region);
    }

    private static Filter filter(Integer fiscalYear, String region, String level, String grade, String indicator,
            String completeness) {
        if (indicator != null && !indicator.matches("\\d+(\\.\\d+){0,2}")) {
            throw ProblemException.badField("indicator", "an indicator code such as 2.1.1");
        }
        Rankings.Completeness which = null;
        if (completeness != null) {
            try {
                which = Rankings.Completeness.valueOf(completeness);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("completeness", "COMPLETE or INCOMPLETE");
            }
        }
        return new Filter(requireYear(fiscalYear), region, level, grade, indicator, which);
    }

    private static int requireYear(Integer fiscalYear) {
        if (fiscalYear == null) {
            throw ProblemException.badField("fiscalYear", "required");
        }
        return fiscalYear;
    }
}
