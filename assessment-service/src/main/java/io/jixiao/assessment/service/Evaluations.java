package io.jixiao.assessment.service;

import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Indicator;
import io.jixiao.assessment.repository.UnitScore;
import io.jixiao.assessment.scoring.EvaluationInputs;
import io.jixiao.assessment.scoring.UnitIndicators;
import io.jixiao.commons.documents.UnitYearDocuments;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a unit states for its self-evaluation (自评表): checked against the framework that applies to it, kept with its
 * history, and scored again at once, all in one transaction. The caller's right to the unit is checked before.
 */
@ApplicationScoped
public class Evaluations {

    private final ScoringService scoring;
    private final UnitYearDocuments documents;
    private final EvaluationKind kind;
    private final KnownUnits units;

    public Evaluations(ScoringService scoring, UnitYearDocuments documents, EvaluationKind kind, KnownUnits units) {
        this.scoring = scoring;
        this.documents = documents;
        this.kind = kind;
        this.units = units;
    }

    /** Keeps the statement (the same one again changes nothing) and answers the score it leads to. */
    @Transactional
    public UnitScore state(String unitCode, int fiscalYear, EvaluationInputs inputs, Actor actor,
            String idempotencyKey) {
        units.requireForChange(unitCode);
        FiscalYears.require(fiscalYear);
        checkIndicators(scoring.frameworkFor(unitCode, fiscalYear), inputs);
        documents.put(kind, unitCode, fiscalYear, inputs, actor, idempotencyKey);
        scoring.rescore(unitCode, fiscalYear, "evaluation by " + actor.name());
        return scoring.held(unitCode, fiscalYear).orElseThrow();
    }

    /** What the unit stated, with its version, if it stated anything yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<UnitYearDocuments.Held<EvaluationInputs>> find(String unitCode, int fiscalYear) {
        units.require(unitCode);
        return documents.get(kind, unitCode, fiscalYear);
    }

    /** What the unit stated, with its version. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public UnitYearDocuments.Held<EvaluationInputs> stated(String unitCode, int fiscalYear) {
        units.require(unitCode);
        return documents.get(kind, unitCode, fiscalYear).orElseThrow(() -> ProblemException.notFound(
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
        check(errors, "unitIndicators", in.unitIndicators(), EvaluationInputs.UnitIndicator::under, "under", byCode,
                UnitIndicators.TYPE);
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
        check(errors, field, items, code, "indicator", byCode, measureType);
    }

    /** Each item's indicator ({@code component}) must be the framework's, and a leaf measured by {@code measureType}. */
    private static <T> void check(List<Problem.FieldError> errors, String field, List<T> items,
            Function<T, String> code, String component, Map<String, Indicator> byCode, String measureType) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String c = code.apply(items.get(i));
            Indicator indicator = byCode.get(c);
            String at = field + "[" + i + "]." + component;
            if (indicator == null) {
                errors.add(new Problem.FieldError(at, "no indicator " + c + " in the framework"));
            } else if (measureType != null && (!indicator.isLeaf() || !measureType.equals(indicator.measure().type()))) {
                errors.add(new Problem.FieldError(at, "indicator " + c + " is not measured by " + measureType));
            }
        }
    }
}
