package io.jixiao.report.rest;

import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.report.model.Prose;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.service.Explanations;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The findings of a unit-year's report and the unit's explanations of them (情况说明). */
@Path("/")
@Tag(name = "findings", description = "Reconciliation findings of the report and their explanations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FindingResource {

    /** An explanation of a finding. */
    public record ExplanationRequest(
            @Schema(description = "情况说明：对该核对问题（勾稽关系不符等）的解释；已说明的错误级问题不再阻止提交。必填。")
            @NotNull @Prose(max = 2_000) String explanation) {
    }

    /** What an explanation push did. */
    public record ExplanationResult(
            @Schema(description = "核对规则编码：如 BUD-REVENUE-IDENTITY。") String ruleId,
            @Schema(description = "是否有变化：false 表示与已保存的说明相同（或本无说明可撤回）。") boolean changed) {
    }

    private final Explanations explanations;
    private final UnitAccess access;

    public FindingResource(Explanations explanations, UnitAccess access) {
        this.explanations = explanations;
        this.access = access;
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/findings")
    @Operation(summary = "Every finding of the report (from the budget, staff, asset and score snapshots and the "
            + "report's own), with explanations and whether it blocks submission")
    public List<ReportModel.ReportFinding> findings(
            @PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return explanations.findings(unitCode, fiscalYear);
    }

    @PUT
    @Path("units/{unitCode}/years/{fiscalYear}/findings/{ruleId}/explanation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Explain a finding: an explained error no longer blocks submission")
    public ExplanationResult explain(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear,
            @PathParam("ruleId") @Pattern(regexp = Paths.RULE_ID) String ruleId,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "对一项核对问题的情况说明（规则编码在路径中）。")
            @Valid @NotNull ExplanationRequest request) {
        access.requireWrite(unitCode);
        return new ExplanationResult(ruleId, explanations.explain(unitCode, fiscalYear, ruleId,
                request.explanation(), access.actor(requestId)));
    }

    @DELETE
    @Path("units/{unitCode}/years/{fiscalYear}/findings/{ruleId}/explanation")
    @Operation(summary = "Withdraw an explanation")
    public ExplanationResult withdraw(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear,
            @PathParam("ruleId") @Pattern(regexp = Paths.RULE_ID) String ruleId,
            @HeaderParam(RequestIds.HEADER) String requestId) {
        access.requireWrite(unitCode);
        return new ExplanationResult(ruleId, explanations.withdraw(unitCode, fiscalYear, ruleId,
                access.actor(requestId)));
    }
}
