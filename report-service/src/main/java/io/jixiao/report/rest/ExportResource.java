package io.jixiao.report.rest;

import io.jixiao.commons.security.Roles;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.report.export.DueTable;
import io.jixiao.report.export.FindingsTable;
import io.jixiao.report.service.WorkflowViews;
import io.jixiao.report.service.YearFindings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Finance's workbooks across all units (issue 14): every finding of a year, and the publications due. Both are
 * streamed (SXSSF, rows read from the database a few hundred at a time), for tens of thousands of units.
 */
@Path("/")
@Tag(name = "exports", description = "Finance's workbooks across all units (findings, publications due)")
@RolesAllowed({Roles.FINANCE, Roles.ADMIN})
public class ExportResource {

    static final String XLSX = FindingsTable.XLSX;

    private final YearFindings findings;
    private final WorkflowViews views;

    public ExportResource(YearFindings findings, WorkflowViews views) {
        this.findings = findings;
        this.views = views;
    }

    @GET
    @Path("exports/findings")
    @Produces(XLSX)
    @Operation(summary = "Every finding of every unit-year of a year (and region) as XLSX: one row per finding with its"
            + " rule, severity, message and figures, the unit's explanation (情况说明) and whether it blocks submission;"
            + " the findings the budget, staff, asset and score snapshots carry (not the report's own INFO findings on"
            + " missing data); streamed, for tens of thousands of units (finance, admin)")
    @APIResponse(responseCode = "200", description = "the findings workbook (one sheet)", content = @Content(
            mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "fiscalYear missing or not a fiscal year")
    public Response findings(
            @Parameter(description = "the fiscal year, e.g. 2024 (required)",
                    schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "only units of this region, e.g. 西藏自治区") @QueryParam("region") String region) {
        int year = year(fiscalYear);
        String where = region == null || region.isBlank() ? null : region.strip();
        StreamingOutput xlsx = out -> FindingsTable.writeXlsx(year, where,
                sink -> findings.rows(year, where, sink), out);
        return Response.ok(xlsx, XLSX)
                .header("Content-Disposition", "attachment; filename=findings-" + year + ".xlsx").build();
    }

    @GET
    @Path("exports/due")
    @Produces(XLSX)
    @Operation(summary = "Unpublished reports whose publication is overdue or due within ?withinDays (default 7) days"
            + " as XLSX, the most overdue first: unit, year, status, approval date, deadline, days left, overdue"
            + " (finance, admin)")
    @APIResponse(responseCode = "200", description = "the publications due (one sheet)", content = @Content(
            mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "withinDays not a whole number from 0 to 366")
    public Response due(
            @Parameter(description = "the window in days, 0 to 366 (default 7)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "366"))
            @QueryParam("withinDays") String withinDays) {
        int days = views.dueWindow(whole("withinDays", withinDays, "must be a whole number of days from 0 to 366"));
        StreamingOutput xlsx = out -> DueTable.writeXlsx(days, sink -> views.due(days, sink), out);
        return Response.ok(xlsx, XLSX)
                .header("Content-Disposition", "attachment; filename=publications-due.xlsx").build();
    }

    /** A required fiscal year from the query: 400 naming fiscalYear when it is missing, not a number or impossible. */
    private static int year(String fiscalYear) {
        Integer year = whole("fiscalYear", fiscalYear, FiscalYears.rule());
        if (year == null) {
            throw ProblemException.badField("fiscalYear", "required");
        }
        return FiscalYears.require(year);
    }

    /** An optional whole number from the query, or a 400 naming the parameter. */
    private static Integer whole(String name, String value, String rule) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField(name, rule);
        }
    }
}
