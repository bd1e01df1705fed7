package io.jixiao.personnel.rest;

import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.api.StaffDocument;
import io.jixiao.personnel.service.StaffKind;
import io.jixiao.personnel.service.UnitYearRegister;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit's staff at year end (人员情况), as its HR system pushes it. */
@Path("/units/{unitCode}/years/{fiscalYear}/staff")
@Tag(name = "staff", description = "Establishment, staff by category and movements per unit and fiscal year")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class StaffResource extends UnitYearDocumentResource<StaffDocument> {

    public StaffResource(UnitYearRegister register, StaffKind kind, UnitAccess access) {
        super(register, kind, access);
    }
}
