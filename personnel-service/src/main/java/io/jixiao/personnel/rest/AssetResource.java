package io.jixiao.personnel.rest;

import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.api.AssetDocument;
import io.jixiao.personnel.service.AssetKind;
import io.jixiao.personnel.service.UnitYearRegister;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit's asset register at year end (资产情况), as its asset system pushes it. */
@Path("/units/{unitCode}/years/{fiscalYear}/assets")
@Tag(name = "assets", description = "Fixed and intangible assets by state per unit and fiscal year")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AssetResource extends UnitYearDocumentResource<AssetDocument> {

    public AssetResource(UnitYearRegister register, AssetKind kind, UnitAccess access) {
        super(register, kind, access);
    }
}
