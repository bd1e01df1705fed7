package io.jixiao.personnel.rest;

import io.jixiao.commons.api.Finding;
import io.jixiao.commons.documents.UnitYearDocuments.Held;
import io.jixiao.commons.documents.UnitYearDocuments.HistoryEntry;
import io.jixiao.commons.documents.UnitYearDocuments.PutResult;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.api.StaffDocument;
import io.jixiao.personnel.service.StaffKind;
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

/** A unit's staff at year end (人员情况), as its HR system pushes it. */
@Path("/units/{unitCode}/years/{fiscalYear}/staff")
@Tag(name = "staff", description = "Establishment, staff by category and movements per unit and fiscal year")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class StaffResource {

    /** The pushed document in the words of the forms, for the request body's description. */
    static final String STAFF_DOCUMENT = "人员情况（年末）：单位人事系统推送的编制数、各类别在职人数、在职人数以外的人员、上年在职人数及本年人员变动，"
            + "整份替换。人数单位为人。未填报的人数表示未说明，不按零计，在报告和核对中显示为缺失。"
            + "人员类别和变动类型的编码见 /reference。";

    private final UnitYearRegister register;
    private final StaffKind kind;
    private final UnitAccess access;

    public StaffResource(UnitYearRegister register, StaffKind kind, UnitAccess access) {
        this.register = register;
        this.kind = kind;
        this.access = access;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push a unit's staff for a fiscal year (idempotent; returns the version and findings)",
            description = "Only the unit's reporter or department system may push. The same figures again change "
                    + "nothing; with an Idempotency-Key, a repeat returns the first answer and a different body "
                    + "under the same key is a 422.")
    public PutResult put(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = STAFF_DOCUMENT)
            @Valid @NotNull StaffDocument staff) {
        access.requireWrite(unitCode);
        return register.put(kind, unitCode, fiscalYear, staff, access.actor(requestId), idempotencyKey);
    }

    @GET
    @Operation(summary = "The staff as held, with its version, who pushed it from which system, and its findings")
    public Held<StaffDocument> get(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
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
    @Operation(summary = "The reconciliation findings of the staff (勾稽关系核对)")
    public List<Finding> findings(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return register.get(kind, unitCode, fiscalYear).findings();
    }
}
