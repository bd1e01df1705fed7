package io.jixiao.budget.rest;

import io.jixiao.budget.api.BudgetDocument;
import io.jixiao.budget.service.BudgetRegister;
import io.jixiao.commons.api.Finding;
import io.jixiao.commons.documents.UnitYearDocuments.Held;
import io.jixiao.commons.documents.UnitYearDocuments.HistoryEntry;
import io.jixiao.commons.documents.UnitYearDocuments.Item;
import io.jixiao.commons.documents.UnitYearDocuments.PutResult;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.commons.web.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbooks.DocumentWorkbooks;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit's budget per fiscal year, as its finance system pushes it (预算收支及执行). */
@Path("/")
@Tag(name = "budget", description = "Budget revenue, expenditure and execution per unit and fiscal year")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class BudgetResource {

    static final String UNIT_CODE = io.jixiao.commons.validation.UnitCodes.PATTERN;

    /** The pushed document in the words of the forms, for the request body's description. */
    static final String BUDGET_DOCUMENT = "预算收支及执行（财政资金口径）：单位财务系统推送的一个预算年度的预算收入、预算支出、“三公”经费、政府采购、"
            + "项目支出明细和月度执行，整份替换。金额单位为元（最多两位小数），报告中以万元列示。未填报的数字表示未说明，"
            + "不按零计，在报告和核对中显示为缺失。";

    /** The budget's workbook (填报模板): its sheets from {@link BudgetDocument}, totals from the budget's rules. */
    static final Template WORKBOOK = DocumentWorkbooks.template("budget", "预算", BudgetDocument.class,
            RuleSet.load("budget"));

    private final BudgetRegister register;
    private final UnitAccess access;
    private final DocumentWorkbooks workbooks;

    public BudgetResource(BudgetRegister register, UnitAccess access, DocumentWorkbooks workbooks) {
        this.register = register;
        this.access = access;
        this.workbooks = workbooks;
    }

    @PUT
    @Path("units/{unitCode}/years/{fiscalYear}/budget")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push a unit's budget for a fiscal year (idempotent; returns the version and findings)")
    public PutResult put(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = BUDGET_DOCUMENT) @Valid @NotNull BudgetDocument budget) {
        access.requireWrite(unitCode);
        return register.put(unitCode, fiscalYear, budget, access.actor(requestId), idempotencyKey);
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/budget")
    @Operation(summary = "The budget as held, with its version, who pushed it and its findings")
    public Held<BudgetDocument> get(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        return held(unitCode, fiscalYear);
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/budget")
    @Produces(DocumentWorkbooks.XLSX)
    @Operation(summary = "The budget as an Excel workbook (填报模板): the figures as held, or an empty template to fill in")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(
            mediaType = DocumentWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response workbook(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        register.requireKnown(unitCode);
        FiscalYears.require(fiscalYear);
        return workbooks.download(WORKBOOK, register.get(unitCode, fiscalYear).map(Held::document).orElse(null),
                "budget-" + unitCode + "-" + fiscalYear + ".xlsx");
    }

    @PUT
    @Path("units/{unitCode}/years/{fiscalYear}/budget")
    @Consumes(DocumentWorkbooks.XLSX)
    @Operation(summary = "Upload the budget's workbook: the same document, checks, findings, versions and audit as a "
            + "push (?dryRun=true checks it and answers what storing it would, storing nothing)")
    public PutResult putWorkbook(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @Parameter(description = DocumentWorkbooks.DRY_RUN) @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "填好的预算工作簿（.xlsx，由本接口下载的模板），最大10 MB。") byte[] workbook) {
        access.requireWrite(unitCode);
        return workbooks.upload(WORKBOOK, workbook, BudgetDocument.class, access.actor(requestId), dryRun,
                (budget, actor) -> register.put(unitCode, fiscalYear, budget, actor, null));
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/budget/history")
    @Operation(summary = "Every version: who changed which figures from what to what, when, from which system")
    public List<HistoryEntry> history(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        register.requireKnown(unitCode);
        return register.history(unitCode, fiscalYear);
    }

    @GET
    @Path("units/{unitCode}/years/{fiscalYear}/findings")
    @Operation(summary = "The reconciliation findings of the budget (勾稽关系核对)")
    public List<Finding> findings(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        return held(unitCode, fiscalYear).findings();
    }

    @POST
    @Path("budgets/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push many unit-years at once, all or nothing")
    public List<PutResult> batch(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "批量推送：多个单位年度的预算收支及执行（items，1–500项），全部存入或全部不存，按顺序逐项返回结果。")
            @Valid @NotNull BudgetBatch batch) {
        access.requireWriteAll(batch.items().stream().map(BudgetBatch.Entry::unitCode).toList());
        List<Item<BudgetDocument>> items = batch.items().stream()
                .map(e -> new Item<>(e.unitCode(), e.fiscalYear(), e.budget())).toList();
        return register.putAll(items, access.actor(requestId), idempotencyKey);
    }

    private Held<BudgetDocument> held(String unitCode, int fiscalYear) {
        access.requireRead(unitCode);
        register.requireKnown(unitCode);
        return register.get(unitCode, fiscalYear).orElseThrow(() -> ProblemException.notFound(
                "no budget of " + unitCode + " for " + fiscalYear + " has been pushed"));
    }
}
