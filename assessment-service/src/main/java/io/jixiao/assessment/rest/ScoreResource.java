package io.jixiao.assessment.rest;

import io.jixiao.assessment.api.ScoreSnapshot;
import io.jixiao.assessment.mapping.ScoreMapping;
import io.jixiao.assessment.repository.UnitScore;
import io.jixiao.assessment.scoring.EvaluationInputs;
import io.jixiao.assessment.service.Evaluations;
import io.jixiao.assessment.service.ScoringService;
import io.jixiao.commons.documents.UnitYearDocuments;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.web.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbooks.DocumentWorkbooks;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit-year's self-evaluation: what the unit states, and the scores computed from it and from the facts. */
@Path("/units/{unitCode}/years/{fiscalYear}")
@Tag(name = "scores", description = "Self-evaluation inputs and traceable computed scores per unit and year")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ScoreResource {

    static final String UNIT_CODE = io.jixiao.commons.validation.UnitCodes.PATTERN;

    /** A held score: the snapshot with its version. */
    public record HeldScore(
            @Schema(description = "评分版本号：每次重新评分且结果变化时加一。") long version,
            @Schema(description = "计算时间。") OffsetDateTime computedAt,
            @Schema(description = "部门整体支出绩效自评表（计算结果）。") ScoreSnapshot score) {
    }

    /** The pushed document in the words of the forms, for the request body's description. */
    static final String EVALUATION = "自评填报（部门整体支出绩效自评表），整份替换：绩效目标（年初指标值、调整后指标值）、手工填报指标的实际完成值、"
            + "定性指标的自评等级（达成/部分达成/未达成）及佐证材料、逐项计分指标的达成项、违规情况、自评得分及"
            + "偏差原因分析及改进措施。指标按指标体系中的编码引用（如 2.1.3）。未填报的项表示未说明：需要它的指标不可评价"
            + "（计0分并说明原因），不视为满分或零值。";

    private final ScoringService scoring;
    private final Evaluations evaluations;
    private final KnownUnits units;
    private final UnitAccess access;
    private final ScoreMapping mapping;
    private final DocumentWorkbooks workbooks;

    /** The self-evaluation's workbook (自评表): its sheets from {@link EvaluationInputs}. */
    public static final Template WORKBOOK = DocumentWorkbooks.template("evaluation", "自评", EvaluationInputs.class,
            null);

    public ScoreResource(ScoringService scoring, Evaluations evaluations, KnownUnits units, UnitAccess access,
            ScoreMapping mapping, DocumentWorkbooks workbooks) {
        this.scoring = scoring;
        this.evaluations = evaluations;
        this.units = units;
        this.access = access;
        this.mapping = mapping;
        this.workbooks = workbooks;
    }

    @GET
    @Path("score")
    @Operation(summary = "The computed scores: every indicator with formula, inputs and their events, rule, deduction;"
            + " or, while the unit-year cannot be scored yet (no framework for its region and year, or the unit not yet"
            + " known here), its status and why")
    public HeldScore score(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        // facts held for a unit that has not arrived yet are shown with that status, not hidden behind a 404
        UnitScore held = scoring.held(unitCode, fiscalYear).orElseThrow(() -> {
            units.require(unitCode);
            return ProblemException.notFound("no score for " + unitCode + " in " + fiscalYear
                    + ": no figures have arrived yet");
        });
        return heldScore(held);
    }

    @PUT
    @Path("evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "State targets, actual values, ratings with evidence, declared scores and deviation explanations")
    public HeldScore putEvaluation(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = EVALUATION)
            @Valid @NotNull EvaluationInputs inputs) {
        access.requireWrite(unitCode);
        UnitScore held = evaluations.state(unitCode, fiscalYear, inputs, access.actor(requestId), idempotencyKey);
        return heldScore(held);
    }

    @GET
    @Path("evaluation")
    @Produces(DocumentWorkbooks.XLSX)
    @Operation(summary = "The self-evaluation as an Excel workbook (自评表): as stated, or an empty template to fill in")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(
            mediaType = DocumentWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response evaluationWorkbook(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        units.require(unitCode);
        FiscalYears.require(fiscalYear);
        EvaluationInputs stated = evaluations.find(unitCode, fiscalYear).map(UnitYearDocuments.Held::document)
                .orElse(null);
        return workbooks.download(WORKBOOK, stated, "evaluation-" + unitCode + "-" + fiscalYear + ".xlsx");
    }

    @PUT
    @Path("evaluation")
    @Consumes(DocumentWorkbooks.XLSX)
    @Operation(summary = "Upload the self-evaluation's workbook: the same statement, checks and score as a push "
            + "(?dryRun=true checks it and answers the score it would lead to, storing nothing)")
    public HeldScore putEvaluationWorkbook(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @Parameter(description = DocumentWorkbooks.DRY_RUN) @QueryParam("dryRun") boolean dryRun,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "填好的自评工作簿（.xlsx，由本接口下载的模板），最大10 MB。") byte[] workbook) {
        access.requireWrite(unitCode);
        return workbooks.upload(WORKBOOK, workbook, EvaluationInputs.class, access.actor(requestId), dryRun,
                (inputs, actor) -> heldScore(evaluations.state(unitCode, fiscalYear, inputs, actor, null)));
    }

    @GET
    @Path("evaluation")
    @Operation(summary = "What the unit stated, with its version")
    public UnitYearDocuments.Held<EvaluationInputs> evaluation(
            @PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        return evaluations.stated(unitCode, fiscalYear);
    }

    private HeldScore heldScore(UnitScore held) {
        return new HeldScore(held.version, held.computedAt, mapping.toApi(scoring.read(held)));
    }
}
