package io.jixiao.assessment.scoring;

import io.jixiao.assessment.framework.Indicator;
import io.jixiao.commons.printing.Figures;
import io.jixiao.events.assessment.ScoreSnapshot.IndicatorResult;
import io.jixiao.events.assessment.ScoreSnapshot.Input;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 个性指标: the indicators a unit sets itself under a framework heading that takes them (measure type
 * {@code unitIndicators}, e.g. 产出指标 or 效益指标 of a "预算执行率 × 10 + Σ 指标得分" framework). Each is scored by the
 * heading's rule against its own 指标性质 and 指标值 for the 分值 the unit gives it; the heading's score is theirs
 * summed, assessable once the 分值 add up to the heading's weight and every one has its 实际完成值.
 */
public final class UnitIndicators {

    /** The measure type of a heading that takes the unit's own indicators. */
    public static final String TYPE = "unitIndicators";

    /** The heading's result and, below it, each of the unit's indicators. */
    record Scored(IndicatorResult heading, List<IndicatorResult> indicators) {
    }

    private UnitIndicators() {
    }

    static Scored score(Indicator heading, EvaluationInputs in, long statedVersion) {
        ScoringRule rule = ScoringRules.of(heading.rule());
        List<EvaluationInputs.UnitIndicator> mine = in.unitIndicators() == null ? List.of()
                : in.unitIndicators().stream().filter(u -> heading.code().equals(u.under())).toList();
        List<IndicatorResult> results = new ArrayList<>();
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal score = BigDecimal.ZERO;
        int pending = 0;
        for (int i = 0; i < mine.size(); i++) {
            EvaluationInputs.UnitIndicator u = mine.get(i);
            String code = heading.code() + "." + (i + 1);
            Indicator.Target target = new Indicator.Target(u.operator(),
                    u.adjustedValue() != null ? u.adjustedValue() : u.targetValue());
            Outcome outcome = u.actualValue() == null ? Outcome.notAssessable("单位未填报实际完成值")
                    : rule.score(u.weight(), ScoringInput.ofActual(u.actualValue(), target));
            weights = weights.add(u.weight());
            if (outcome.assessable()) {
                score = score.add(outcome.score());
            } else {
                pending++;
            }
            List<Input> inputs = u.actualValue() == null ? List.of() : List.of(new Input("unitIndicators[" + code + "]",
                    u.actualValue(), Scorer.EVALUATION_SOURCE, statedVersion));
            results.add(new IndicatorResult(code, u.category() == null ? u.name() : u.category() + "：" + u.name(),
                    heading.level() + 1, heading.code(), u.weight(), Scorer.printTarget(target, u.unitOfMeasure()),
                    u.actualValue() == null ? null : Figures.inMeasure(u.actualValue(), u.unitOfMeasure()),
                    outcome.assessable() ? u.actualValue() : null, outcome.score(), u.declaredScore(),
                    outcome.assessable(), outcome.assessable() ? null : outcome.explanation(), null, inputs,
                    rule.describe(), outcome.assessable() ? u.weight().subtract(outcome.score()) : null,
                    outcome.assessable() ? outcome.explanation() : "不可评价：" + outcome.explanation(), u.deviation(),
                    true));
        }
        String missing = mine.isEmpty() ? "单位未填报个性指标"
                : weights.compareTo(heading.weight()) != 0 ? "个性指标分值合计" + Figures.points(weights) + "分，与该指标权重"
                        + Figures.points(heading.weight()) + "分不符"
                : pending > 0 ? pending + "项个性指标不可评价（未填报实际完成值或目标）" : null;
        BigDecimal total = score.setScale(2, RoundingMode.HALF_UP);
        IndicatorResult result = new IndicatorResult(heading.code(), heading.name(), heading.level(),
                Scorer.parentCode(heading.code()), heading.weight(), null, null, null, missing == null ? total : null,
                Scorer.declaredScore(in, heading.code()), missing == null, missing, null, List.of(),
                "个性指标得分之和，各项" + rule.describe(), missing == null ? heading.weight().subtract(total) : null,
                missing == null ? "个性指标" + mine.size() + "项得分之和" : "不可评价：" + missing, null, null);
        return new Scored(result, List.copyOf(results));
    }
}
