package io.jixiao.report.rest;

import io.jixiao.commons.security.UnitAccess;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.report.model.ReportModel.Variant;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.render.Renderers;
import io.jixiao.report.render.ReportFormat;
import io.jixiao.report.service.ReportAssembly;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit-year's report as it stands now, assembled from the figures and the narratives, in four formats. */
@Path("/")
@Tag(name = "reports", description = "The self-evaluation report in HTML, DOCX, PDF and JSON")
@Authenticated
public class ReportResource {

    static final List<ReportFormat> ALL = List.of(ReportFormat.HTML, ReportFormat.DOCX, ReportFormat.PDF,
            ReportFormat.JSON);

    private final ReportAssembly assembly;
    private final Renderers renderers;
    private final UnitAccess access;
    private final KnownUnits units;

    public ReportResource(ReportAssembly assembly, Renderers renderers, UnitAccess access, KnownUnits units) {
        this.assembly = assembly;
        this.renderers = renderers;
        this.access = access;
        this.units = units;
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}")
    @Operation(summary = "The report as it stands now (internal version: with findings; ?variant=public without)",
            description = "Format by ?format=html|docx|pdf|json or the Accept header (default JSON).")
    @APIResponse(responseCode = "200", description = "the report", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReportModel.class)),
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportFormat.DOCX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    @APIResponse(responseCode = "503", description = "PDF asked for, but the font set as JIXIAO_REPORT_PDF_FONT (an "
            + "optional override of the bundled fonts) cannot be read")
    public Response report(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear,
            @Parameter(description = "html, docx, pdf or json") @QueryParam("format") String format,
            @Parameter(description = "internal (default) or public") @QueryParam("variant") String variant,
            @Context HttpHeaders headers) {
        access.requireRead(unitCode);
        units.require(unitCode);
        FiscalYears.require(fiscalYear);
        ReportFormat chosen = ReportFormat.choose(format, headers.getRequestHeader(HttpHeaders.ACCEPT), ALL);
        ReportModel model = assembly.current(unitCode, fiscalYear, variant(variant));
        return renderers.respond(model, chosen);
    }

    static Variant variant(String variant) {
        if (variant == null || variant.isBlank() || variant.equalsIgnoreCase("internal")) {
            return Variant.INTERNAL;
        }
        if (variant.equalsIgnoreCase("public")) {
            return Variant.PUBLIC;
        }
        throw ProblemException.badField("variant", "must be internal or public");
    }
}
