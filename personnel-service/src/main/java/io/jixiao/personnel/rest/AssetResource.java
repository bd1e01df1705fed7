package io.jixiao.personnel.rest;

import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.api.AssetDocument;
import io.jixiao.personnel.service.AssetKind;
import io.jixiao.personnel.service.UnitYearRegister;
import io.quarkus.security.Authenticated;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbooks.DocumentWorkbooks;
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

    /** The assets workbook (填报模板): its sheets from {@link AssetDocument}, totals from the asset rules. */
    static final Template WORKBOOK = DocumentWorkbooks.template("assets", "资产", AssetDocument.class,
            RuleSet.load("assets"));

    public AssetResource(UnitYearRegister register, AssetKind kind, UnitAccess access, DocumentWorkbooks workbooks) {
        super(register, kind, access, workbooks, WORKBOOK);
    }
}
