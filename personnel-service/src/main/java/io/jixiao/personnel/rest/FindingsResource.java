package io.jixiao.personnel.rest;

import io.jixiao.commons.api.Finding;
import io.jixiao.commons.documents.UnitYearDocuments.Held;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.events.findings.Severity;
import io.jixiao.personnel.service.AssetKind;
import io.jixiao.personnel.service.StaffKind;
import io.jixiao.personnel.service.UnitYearRegister;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The findings of a unit-year's staff and assets together. */
@Path("/units/{unitCode}/years/{fiscalYear}/findings")
@Tag(name = "findings", description = "Reconciliation findings of staff and assets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FindingsResource {

    /**
     * Staff findings first, then assets; a version is null while that document has not been pushed.
     *
     * @param errors   how many error-level findings (these block submission until corrected or explained)
     * @param warnings how many warnings
     */
    public record UnitYearFindings(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "人员情况的版本；尚未推送时为空。") Long staffVersion,
            @Schema(description = "资产情况的版本；尚未推送时为空。") Long assetsVersion,
            @Schema(description = "错误级核对问题数：未更正或说明前阻止报告提交。") long errors,
            @Schema(description = "警告数。") long warnings,
            @Schema(description = "核对问题：人员情况的在前，资产情况的在后。") List<Finding> findings) {
    }

    private final UnitYearRegister register;
    private final StaffKind staffKind;
    private final AssetKind assetKind;
    private final UnitAccess access;

    public FindingsResource(UnitYearRegister register, StaffKind staffKind, AssetKind assetKind, UnitAccess access) {
        this.register = register;
        this.staffKind = staffKind;
        this.assetKind = assetKind;
        this.access = access;
    }

    @GET
    @Operation(summary = "The findings of the unit-year's staff and assets together (勾稽关系核对)")
    public UnitYearFindings findings(@PathParam("unitCode") @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        var staff = register.find(staffKind, unitCode, fiscalYear);
        var assets = register.find(assetKind, unitCode, fiscalYear);
        List<Finding> all = new ArrayList<>();
        staff.ifPresent(h -> all.addAll(h.findings()));
        assets.ifPresent(h -> all.addAll(h.findings()));
        return new UnitYearFindings(unitCode, fiscalYear, staff.map(Held::version).orElse(null),
                assets.map(Held::version).orElse(null), count(all, Severity.ERROR), count(all, Severity.WARNING),
                all);
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
