package io.jixiao.personnel.rest;

import io.jixiao.commons.api.Finding;
import io.jixiao.commons.documents.UnitYearDocuments.Held;
import io.jixiao.commons.documents.UnitYearDocuments.HistoryEntry;
import io.jixiao.commons.documents.UnitYearDocuments.PutResult;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.api.AssetDocument;
import io.jixiao.personnel.service.AssetKind;
import io.jixiao.personnel.service.UnitYearRegister;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit's asset register at year end (资产情况), as its asset system pushes it. */
@Path("/units/{unitCode}/years/{fiscalYear}/assets")
@Tag(name = "assets", description = "Fixed and intangible assets by state per unit and fiscal year")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AssetResource {

    /** The pushed document in the words of the forms, for the request body's description. */
    static final String ASSET_DOCUMENT = "资产情况（年末）：单位资产系统推送的自用固定资产和自用无形资产，按在用、闲置、待处置分列，整份替换。"
            + "金额单位为元（最多两位小数），报告中以万元列示。未填报的金额表示未说明，不按零计，在报告和核对中显示为缺失。";

    private final UnitYearRegister register;
    private final AssetKind kind;
    private final UnitAccess access;

    public AssetResource(UnitYearRegister register, AssetKind kind, UnitAccess access) {
        this.register = register;
        this.kind = kind;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push a unit's assets for a fiscal year (idempotent; returns the version and findings)",
            description = "Only the unit's reporter or department system may push. The same figures again change "
                    + "nothing; with an Idempotency-Key, a repeat returns the first answer and a different body "
                    + "under the same key is a 422.")
    public PutResult put(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = ASSET_DOCUMENT)
            @Valid @NotNull AssetDocument assets) {
        access.requireWrite(unitCode);
        return register.put(kind, unitCode, fiscalYear, assets, access.actor(requestId), idempotencyKey);
    }

    @GET
    @Operation(summary = "The assets as held, with their version, who pushed them from which system, and their findings")
    public Held<AssetDocument> get(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return register.get(kind, unitCode, fiscalYear);
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
    @Operation(summary = "The reconciliation findings of the assets (勾稽关系核对)")
    public List<Finding> findings(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return register.get(kind, unitCode, fiscalYear).findings();
    }
}
