package io.jixiao.personnel.rest;

import io.jixiao.commons.api.Finding;
import io.jixiao.commons.documents.UnitYearDocuments.Held;
import io.jixiao.commons.documents.UnitYearDocuments.HistoryEntry;
import io.jixiao.commons.documents.UnitYearDocuments.PutResult;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.service.PersonnelKind;
import io.jixiao.personnel.service.UnitYearRegister;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbooks.DocumentWorkbooks;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The endpoints of a unit-year document personnel-service keeps (staff, assets, and anything alike): push it whole,
 * read it as held, its history and its findings, under the path its subclass names. The caller's right to the unit is
 * checked first; what the document must satisfy beyond its record type is the {@link PersonnelKind}'s to say.
 */
public abstract class UnitYearDocumentResource<D> {

    private final UnitYearRegister register;
    private final PersonnelKind<D, ?> kind;
    private final UnitAccess access;
    private final DocumentWorkbooks workbooks;
    private final Template workbook;

    protected UnitYearDocumentResource(UnitYearRegister register, PersonnelKind<D, ?> kind, UnitAccess access,
            DocumentWorkbooks workbooks, Template workbook) {
        this.register = register;
        this.kind = kind;
        this.access = access;
        this.workbooks = workbooks;
        this.workbook = workbook;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push the unit's document for a fiscal year (idempotent; returns the version and findings)",
            description = "Only the unit's reporter or department system may push. The same figures again change "
                    + "nothing; with an Idempotency-Key, a repeat returns the first answer and a different body "
                    + "under the same key is a 422.")
    public PutResult put(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId, @Valid @NotNull D document) {
        access.requireWrite(unitCode);
        return register.put(kind, unitCode, fiscalYear, document, access.actor(requestId), idempotencyKey);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The document as held, with its version, who pushed it from which system, and its findings")
    public Held<D> get(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return register.get(kind, unitCode, fiscalYear);
    }

    @GET
    @Produces(DocumentWorkbooks.XLSX)
    @Operation(summary = "The document as an Excel workbook (填报模板): as held, or an empty template to fill in")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(
            mediaType = DocumentWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response workbook(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        FiscalYears.require(fiscalYear);
        D held = register.find(kind, unitCode, fiscalYear).map(Held::document).orElse(null);
        return workbooks.download(workbook, held, kind.name() + "-" + unitCode + "-" + fiscalYear + ".xlsx");
    }

    @PUT
    @Consumes(DocumentWorkbooks.XLSX)
    @Operation(summary = "Upload the document's workbook: the same document, checks, findings, versions and audit as a "
            + "push (?dryRun=true checks it and answers what storing it would, storing nothing)")
    public PutResult putWorkbook(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @Parameter(description = DocumentWorkbooks.DRY_RUN) @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "填好的工作簿（.xlsx，由本接口下载的模板），最大10 MB。") byte[] body) {
        access.requireWrite(unitCode);
        return workbooks.upload(workbook, body, kind.type(), access.actor(requestId), dryRun,
                (document, actor) -> register.put(kind, unitCode, fiscalYear, document, actor, null));
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every version: who changed which figures from what to what, when, from which system")
    public List<HistoryEntry> history(
            @PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return register.history(kind, unitCode, fiscalYear);
    }

    @GET
    @Path("/findings")
    @Operation(summary = "The reconciliation findings of the document (勾稽关系核对)")
    public List<Finding> findings(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return register.get(kind, unitCode, fiscalYear).findings();
    }
}
