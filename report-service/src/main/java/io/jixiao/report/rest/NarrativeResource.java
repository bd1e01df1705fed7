package io.jixiao.report.rest;

import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.report.model.NarrativeDocument;
import io.jixiao.report.service.NarrativeRegister;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbooks.DocumentWorkbooks;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The narrative sections a unit writes for its report (报告文字部分), pushed like any figure. */
@Path("/")
@Tag(name = "narratives", description = "The report's narrative sections, written by the unit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NarrativeResource {

    /** The pushed document in the words of the forms, for the request body's description. */
    static final String NARRATIVES = "报告文字部分：单位自行撰写的各节文字，每个单位年度一份，整份替换。各项均可不填：未填报的节在报告中显示为"
            + "“（未填报）”，并在内部版本中列为提示。列表各项由报告加序号（一是……、1.……），各项本身不写序号。";

    private final NarrativeRegister register;
    private final UnitAccess access;

    /** The narratives' workbook (报告文字): its sheets from {@link NarrativeDocument}, one paragraph per row. */
    static final Template WORKBOOK = DocumentWorkbooks.template("narratives", "报告文字", NarrativeDocument.class, null);

    private final DocumentWorkbooks workbooks;

    public NarrativeResource(NarrativeRegister register, UnitAccess access, DocumentWorkbooks workbooks) {
        this.workbooks = workbooks;
        this.register = register;
        this.access = access;
    }

    @PUT
    @Path("units/{unitCode}/years/{fiscalYear}/narratives")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push the unit's narratives for a fiscal year (the whole document; idempotent)")
    public NarrativeRegister.PutResult put(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = NARRATIVES)
            @Valid @NotNull NarrativeDocument narratives) {
        access.requireWrite(unitCode);
        return register.put(unitCode, fiscalYear, narratives, access.actor(requestId));
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/narratives")
    @Operation(summary = "The narratives as held, with their version and who pushed them")
    public NarrativeRegister.Held get(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        register.requireKnown(unitCode);
        return register.get(unitCode, fiscalYear).orElseThrow(() -> ProblemException.notFound(
                "no narratives of " + unitCode + " for " + fiscalYear + " have been pushed"));
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/narratives")
    @Produces(DocumentWorkbooks.XLSX)
    @Operation(summary = "The narratives as an Excel workbook: as held, or an empty template to fill in")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(
            mediaType = DocumentWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response workbook(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        register.requireKnown(unitCode);
        FiscalYears.require(fiscalYear);
        NarrativeDocument held = register.get(unitCode, fiscalYear).map(NarrativeRegister.Held::narratives)
                .orElse(null);
        return workbooks.download(WORKBOOK, held, "narratives-" + unitCode + "-" + fiscalYear + ".xlsx");
    }

    @PUT
    @Path("units/{unitCode}/years/{fiscalYear}/narratives")
    @Consumes(DocumentWorkbooks.XLSX)
    @Operation(summary = "Upload the narratives' workbook: the same document and checks as a push "
            + "(?dryRun=true checks it and answers what storing it would, storing nothing)")
    public NarrativeRegister.PutResult putWorkbook(
            @PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @Parameter(description = DocumentWorkbooks.DRY_RUN) @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "填好的报告文字工作簿（.xlsx，由本接口下载的模板），最大10 MB。") byte[] workbook) {
        access.requireWrite(unitCode);
        return workbooks.upload(WORKBOOK, workbook, NarrativeDocument.class, access.actor(requestId), dryRun,
                (narratives, actor) -> register.put(unitCode, fiscalYear, narratives, actor));
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/narratives/history")
    @Operation(summary = "Every version of the narratives: who changed which sections, when, from which system")
    public List<NarrativeRegister.HistoryEntry> history(
            @PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        register.requireKnown(unitCode);
        return register.history(unitCode, fiscalYear);
    }
}
