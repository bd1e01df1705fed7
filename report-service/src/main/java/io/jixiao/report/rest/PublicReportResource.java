package io.jixiao.report.rest;

import io.jixiao.commons.web.ProblemException;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.render.Renderers;
import io.jixiao.report.render.ReportFormat;
import io.jixiao.report.service.ReportListings;
import io.jixiao.report.service.WorkflowViews;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Published reports, open data: served without login, in HTML, PDF and JSON (and DOCX), never with findings. */
@Path("/public")
@Tag(name = "public", description = "Published reports, without login")
@PermitAll
public class PublicReportResource {

    static final List<ReportFormat> FORMATS = List.of(ReportFormat.HTML, ReportFormat.PDF, ReportFormat.JSON,
            ReportFormat.DOCX);

    private final WorkflowViews views;
    private final ReportListings listings;
    private final Renderers renderers;

    public PublicReportResource(WorkflowViews views, ReportListings listings, Renderers renderers) {
        this.views = views;
        this.listings = listings;
        this.renderers = renderers;
    }

    @GET
    @Path("reports")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published reports of a fiscal year (no login): ?region, paged, newest first")
    public ReportListings.Listing reports(@QueryParam("fiscalYear") @NotNull Integer fiscalYear,
            @QueryParam("region") String region, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return listings.published(fiscalYear, region, page, size);
    }

    @GET
    @Path("years")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The fiscal years with a published report, newest first (no login)")
    public List<Integer> years() {
        return listings.publishedYears();
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}")
    @Operation(summary = "The published report of a unit-year (no login): ?format=html|pdf|json|docx or Accept")
    @APIResponse(responseCode = "200", description = "the published report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReportModel.class)),
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportFormat.DOCX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    public Response published(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        ReportFormat chosen = ReportFormat.choose(format, headers.getRequestHeader(HttpHeaders.ACCEPT), FORMATS);
        return views.published(unitCode, fiscalYear).map(m -> renderers.respond(m, chosen))
                .orElseThrow(() -> ProblemException.notFound("no report of " + unitCode + " for " + fiscalYear
                        + " has been published"));
    }
}
