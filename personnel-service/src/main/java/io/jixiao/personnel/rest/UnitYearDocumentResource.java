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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The endpoints of a unit-year document personnel-service keeps (staff, assets, and anything alike): push it whole,
 * read it as held, its history and its findings, under the path its subclass names. The caller's right to the unit is
 * checked first; what the document must satisfy beyond its record type is the {@link PersonnelKind}'s to say.
 */
public abstract class UnitYearDocumentResource<D> {

    private final UnitYearRegister register;
    private final PersonnelKind<D, ?> kind;
    private final UnitAccess access;

    protected UnitYearDocumentResource(UnitYearRegister register, PersonnelKind<D, ?> kind, UnitAccess access) {
        this.register = register;
        this.kind = kind;
        this.access = access;
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
    @Operation(summary = "The document as held, with its version, who pushed it from which system, and its findings")
    public Held<D> get(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
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
    @Operation(summary = "The reconciliation findings of the document (勾稽关系核对)")
    public List<Finding> findings(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return register.get(kind, unitCode, fiscalYear).findings();
    }
}
