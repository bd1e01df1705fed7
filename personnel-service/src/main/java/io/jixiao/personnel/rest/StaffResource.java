package io.jixiao.personnel.rest;

import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.api.StaffDocument;
import io.jixiao.personnel.service.StaffKind;
import io.jixiao.personnel.service.UnitYearRegister;
import io.quarkus.security.Authenticated;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbooks.DocumentWorkbooks;
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

    /** The staff workbook (填报模板): its sheets from {@link StaffDocument}, totals from the staff rules. */
    static final Template WORKBOOK = DocumentWorkbooks.template("staff", "人员", StaffDocument.class,
            RuleSet.load("staff"));

    public StaffResource(UnitYearRegister register, StaffKind kind, UnitAccess access, DocumentWorkbooks workbooks) {
        super(register, kind, access, workbooks, WORKBOOK);
    }
}
