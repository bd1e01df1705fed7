package io.jixiao.report.rest;

import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.Roles;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.report.model.Prose;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.render.Renderers;
import io.jixiao.report.repository.ReportWorkflow;
import io.jixiao.report.service.ReportListings;
import io.jixiao.report.service.Workflow;
import io.jixiao.report.service.WorkflowViews;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.jixiao.report.render.ReportFormat;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The report's workflow: submission by the unit's approver, review (return / accept) and publication by finance,
 * the final-accounts approval date and publication deadline, submitted versions and the audit log.
 */
@Path("/")
@Tag(name = "workflow", description = "Submission, review, publication and deadlines of the report")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WorkflowResource {

    /** Finance's comments when returning or accepting. */
    public record ReviewRequest(
            @Schema(description = "审核意见：退回时说明需修改之处，审核通过时可附意见。未填报表示无意见。")
            @Prose(max = 2_000) String comment) {
    }

    /** The date of the final-accounts approval (决算批复). */
    public record ApprovalRequest(
            @Schema(description = "决算批复日期：如 2025-06-30；自评报告应在决算批复后20日内随决算一同公开，公开截止日据此计算。必填。")
            @NotNull LocalDate approvalDate) {
    }

    /** Publication, optionally with the approval date if finance has not recorded it yet. */
    public record PublishRequest(
            @Schema(description = "决算批复日期：尚未登记时随公开一并登记（给出时取代已登记的日期）。未填报时用已登记的日期，"
                    + "两者都没有则不能公开（409）。")
            LocalDate approvalDate) {
    }

    private final Workflow workflow;
    private final WorkflowViews views;
    private final ReportListings listings;
    private final Renderers renderers;
    private final UnitAccess access;

    public WorkflowResource(Workflow workflow, WorkflowViews views, ReportListings listings, Renderers renderers,
            UnitAccess access) {
        this.workflow = workflow;
        this.views = views;
        this.listings = listings;
        this.renderers = renderers;
        this.access = access;
    }

    @GET
    @Path("reports")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "The reports of a fiscal year (finance's review queue): ?region, ?status (e.g. SUBMITTED), "
            + "paged, oldest change first, with the count of every state and of overdue publications")
    public ReportListings.Listing reports(@QueryParam("fiscalYear") @NotNull Integer fiscalYear,
            @QueryParam("region") String region, @QueryParam("status") ReportWorkflow.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return listings.list(fiscalYear, region, status, page, size);
    }

    @GET
    @Path("years")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "The fiscal years with figures or reports, newest first (finance)")
    public List<Integer> years() {
        return listings.years(null);
    }

    @GET
    @Path("units/{unitCode}/years")
    @Operation(summary = "The fiscal years a unit has figures or a report for, newest first")
    public List<Integer> unitYears(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode) {
        access.requireRead(unitCode);
        return listings.years(unitCode);
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/status")
    @Operation(summary = "Where the report stands: status, last submitted version and hash, blocking findings, "
            + "approval date and publication deadline")
    public WorkflowViews.View status(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return views.view(unitCode, fiscalYear);
    }

    @POST
    @Path("units/{unitCode}/years/{fiscalYear}/submit")
    @Operation(summary = "Submit the report (the unit's approver): refused with 409 while an error finding is "
            + "neither corrected nor explained")
    public WorkflowViews.View submit(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam(RequestIds.HEADER) String requestId) {
        access.requireApprove(unitCode);
        workflow.submit(unitCode, fiscalYear, access.actor(requestId));
        return views.view(unitCode, fiscalYear);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("units/{unitCode}/years/{fiscalYear}/return")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Return a submitted report with comments (finance)")
    public WorkflowViews.View returnForChanges(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "财政退回报告时的审核意见。")
            @Valid @NotNull ReviewRequest review) {
        workflow.returnForChanges(unitCode, fiscalYear, review.comment(), access.actor(requestId));
        return views.view(unitCode, fiscalYear);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("units/{unitCode}/years/{fiscalYear}/accept")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Accept a submitted report (finance); the body may be {} or carry a comment")
    public WorkflowViews.View accept(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "财政审核通过时的意见，可为 {}。")
            @Valid ReviewRequest review) {
        workflow.accept(unitCode, fiscalYear, review == null ? null : review.comment(), access.actor(requestId));
        return views.view(unitCode, fiscalYear);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("units/{unitCode}/years/{fiscalYear}/approval")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Record the date of the final-accounts approval (决算批复): publication is due 20 days "
            + "after it (finance)")
    public WorkflowViews.View approval(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "决算批复日期的登记。")
            @Valid @NotNull ApprovalRequest request) {
        workflow.setApprovalDate(unitCode, fiscalYear, request.approvalDate(), access.actor(requestId));
        return views.view(unitCode, fiscalYear);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("units/{unitCode}/years/{fiscalYear}/publish")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Publish the accepted report (finance; body {} or {\"approvalDate\": …} when it was not "
            + "recorded yet); it is then served without login at "
            + "/api/reports/public/units/{unitCode}/years/{fiscalYear}")
    public WorkflowViews.View publish(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "公开已审核通过的报告；尚未登记决算批复日期时随此登记，可为 {}。")
            @Valid PublishRequest request) {
        workflow.publish(unitCode, fiscalYear, request == null ? null : request.approvalDate(),
                access.actor(requestId));
        return views.view(unitCode, fiscalYear);
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/versions")
    @Operation(summary = "The submitted versions: number, SHA-256, who submitted them and when")
    public List<WorkflowViews.VersionInfo> versions(
            @PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return views.versions(unitCode, fiscalYear);
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/versions/{number}")
    @Produces
    @Operation(summary = "A submitted version as it was submitted, in any format")
    @APIResponse(responseCode = "200", description = "the version as submitted", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = ReportModel.class)),
            @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = ReportFormat.DOCX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    format = "binary"))})
    public Response version(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @PathParam("number") int number,
            @QueryParam("format") String format, @QueryParam("variant") String variant,
            @Context HttpHeaders headers) {
        access.requireRead(unitCode);
        ReportModel model = views.version(unitCode, fiscalYear, number, ReportResource.variant(variant));
        return renderers.respond(model, io.jixiao.report.render.ReportFormat.choose(format,
                headers.getRequestHeader(HttpHeaders.ACCEPT), ReportResource.ALL));
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/log")
    @Operation(summary = "Every workflow transition: who, when, from which system, with comments")
    public List<WorkflowViews.LogView> log(@PathParam("unitCode") @Pattern(regexp = Paths.UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return views.log(unitCode, fiscalYear);
    }

    @GET
    @Path("due")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Unpublished reports whose publication is overdue or due within ?withinDays (default 7) "
            + "days (finance)")
    public List<WorkflowViews.Due> due(@QueryParam("withinDays") Integer withinDays) {
        return views.due(withinDays);
    }
}
