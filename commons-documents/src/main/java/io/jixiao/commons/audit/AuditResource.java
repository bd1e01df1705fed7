package io.jixiao.commons.audit;

import io.jixiao.commons.security.UnitAccess;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.validation.UnitCodes;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A unit-year's audit trail in this service (审计留痕), read by finance, admin and the unit itself. Read only: no
 * method of any service changes or removes an entry. Every service serves it under its own root path, e.g.
 * {@code /api/budget/units/XZ-WXB/years/2024/audit}.
 */
@Path("/units/{unitCode}/years/{fiscalYear}/audit")
@Tag(name = "audit", description = "Who changed what, when, from which system and request (read only)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AuditResource {

    private final AuditTrail trail;
    private final UnitAccess access;

    public AuditResource(AuditTrail trail, UnitAccess access) {
        this.trail = trail;
        this.access = access;
    }

    @GET
    @Operation(summary = "Every change this service recorded for the unit-year and for the unit itself, oldest first: "
            + "token subject, user name, client, request id, time and the changed values from → to")
    public List<AuditTrail.Entry> list(@PathParam("unitCode") @Pattern(regexp = UnitCodes.PATTERN) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        // the access check comes first: a caller of another unit learns nothing, not even whether the unit exists
        access.requireRead(unitCode);
        FiscalYears.require(fiscalYear);
        return trail.unitYear(unitCode, fiscalYear);
    }
}
