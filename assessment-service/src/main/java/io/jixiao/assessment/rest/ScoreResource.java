package io.jixiao.assessment.rest;

import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Indicator;
import io.jixiao.assessment.repository.UnitScore;
import io.jixiao.assessment.scoring.EvaluationInputs;
import io.jixiao.assessment.service.EvaluationKind;
import io.jixiao.assessment.service.ScoringService;
import io.jixiao.commons.documents.UnitYearDocuments;
import io.jixiao.commons.problem.Problem;
import io.jixiao.commons.problem.ProblemException;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.commons.units.FiscalYears;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A unit-year's self-evaluation: what the unit states, and the scores computed from it and from the facts. */
@Path("/units/{unitCode}/years/{fiscalYear}")
@Tag(name = "scores", description = "Self-evaluation inputs and traceable computed scores per unit and year")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ScoreResource {

    static final String UNIT_CODE = io.jixiao.commons.units.UnitCodes.PATTERN;

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
    private final UnitYearDocuments documents;
    private final EvaluationKind evaluationKind;
    private final KnownUnits units;
    private final UnitAccess access;

    public ScoreResource(ScoringService scoring, UnitYearDocuments documents, EvaluationKind evaluationKind,
            KnownUnits units, UnitAccess access) {
        this.scoring = scoring;
        this.documents = documents;
        this.evaluationKind = evaluationKind;
        this.units = units;
        this.access = access;
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
        return new HeldScore(held.version, held.computedAt, scoring.read(held));
    }

    @PUT
    @Path("evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "State targets, actual values, ratings with evidence, declared scores and deviation explanations")
    public HeldScore putEvaluation(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("fiscalYear") int fiscalYear, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = EVALUATION)
            @Valid @NotNull EvaluationInputs inputs) {
        access.requireWrite(unitCode);
        units.requireForChange(unitCode);
        FiscalYears.require(fiscalYear);
        checkIndicators(scoring.frameworkFor(unitCode, fiscalYear), inputs);
        var actor = access.actor(requestId);
        documents.put(evaluationKind, unitCode, fiscalYear, inputs, actor, idempotencyKey);
        scoring.rescore(unitCode, fiscalYear, "evaluation by " + actor.name());
        UnitScore held = scoring.held(unitCode, fiscalYear).orElseThrow();
        return new HeldScore(held.version, held.computedAt, scoring.read(held));
    }

    @GET
    @Path("evaluation")
    @Operation(summary = "What the unit stated, with its version")
    public UnitYearDocuments.Held<EvaluationInputs> evaluation(
            @PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        access.requireRead(unitCode);
        units.require(unitCode);
        return documents.get(evaluationKind, unitCode, fiscalYear).orElseThrow(() -> ProblemException.notFound(
                "no evaluation stated for " + unitCode + " in " + fiscalYear));
    }


    /** Every indicator a statement names must be one of the framework's, of the right kind of measure. */
    private static void checkIndicators(Framework framework, EvaluationInputs in) {
        Map<String, Indicator> byCode = framework.all().stream()
                .collect(Collectors.toMap(Indicator::code, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        check(errors, "targets", in.targets(), EvaluationInputs.TargetValue::indicator, byCode, null);
        check(errors, "actuals", in.actuals(), EvaluationInputs.ActualValue::indicator, byCode, "manual");
        check(errors, "ratings", in.ratings(), EvaluationInputs.RatingValue::indicator, byCode, "rating");
        check(errors, "checklists", in.checklists(), EvaluationInputs.ChecklistValue::indicator, byCode, "checklist");
        check(errors, "violations", in.violations(), EvaluationInputs.ViolationValue::indicator, byCode, "violations");
        check(errors, "deviations", in.deviations(), EvaluationInputs.Deviation::indicator, byCode, null);
        if (in.declared() != null) {
            check(errors, "declared.scores", in.declared().scores(), EvaluationInputs.DeclaredScore::indicator, byCode,
                    null);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.size() + " field(s) are invalid for framework " + framework.id()
                    + " v" + framework.version(), errors);
        }
    }

    private static <T> void check(List<Problem.FieldError> errors, String field, List<T> items,
            Function<T, String> code, Map<String, Indicator> byCode, String measureType) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String c = code.apply(items.get(i));
            Indicator indicator = byCode.get(c);
            String at = field + "[" + i + "].indicator";
            if (indicator == null) {
                errors.add(new Problem.FieldError(at, "no indicator " + c + " in the framework"));
            } else if (measureType != null && (!indicator.isLeaf() || !measureType.equals(indicator.measure().type()))) {
                errors.add(new Problem.FieldError(at, "indicator " + c + " is not measured by " + measureType));
            }
        }
    }
}
