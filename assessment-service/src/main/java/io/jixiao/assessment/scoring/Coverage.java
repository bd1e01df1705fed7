package io.jixiao.assessment.scoring;

import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Indicator;
import io.jixiao.commons.printing.Figures;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot.IndicatorResult;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much a result rests on (DESIGN §7): the weight of the indicators assessed against the framework's total, and
 * for every indicator not assessed, what it lacks and who must supply it. A result below the framework's threshold
 * is 待补充: it keeps the points earned, gets no grade and no rank, and is a finding that names what is missing.
 */
final class Coverage {

    static final String INCOMPLETE_RULE = "ASSESS-INCOMPLETE";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Coverage() {
    }

    static ScoreSnapshot.Coverage of(Framework framework, Map<String, IndicatorResult> leaves) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal assessed = BigDecimal.ZERO;
        List<ScoreSnapshot.Missing> missing = new ArrayList<>();
        for (Indicator leaf : framework.leaves()) {
            IndicatorResult r = leaves.get(leaf.code());
            total = total.add(leaf.weight());
            if (r.assessable()) {
                assessed = assessed.add(leaf.weight());
            } else {
                missing.add(new ScoreSnapshot.Missing(leaf.code(), leaf.name(), leaf.weight(),
                        r.notAssessableReason(), from(leaf)));
            }
        }
        BigDecimal percent = total.signum() == 0 ? BigDecimal.ZERO
                : assessed.multiply(HUNDRED).divide(total, MathContext.DECIMAL128).setScale(2, RoundingMode.DOWN);
        BigDecimal threshold = framework.threshold();
        return new ScoreSnapshot.Coverage(assessed, total, percent, threshold, percent.compareTo(threshold) >= 0,
                List.copyOf(missing));
    }

    /** The finding of an incomplete result: it blocks submission until the missing evidence is supplied. */
    static Finding finding(ScoreSnapshot.Coverage coverage) {
        List<String> items = coverage.missing().stream()
                .map(m -> "%s %s（%s分，%s；由%s提供）".formatted(m.indicator(), m.name(), Figures.points(m.weight()),
                        m.reason(), m.from()))
                .toList();
        BigDecimal missingWeight = coverage.totalWeight().subtract(coverage.assessedWeight());
        return new Finding(INCOMPLETE_RULE, Severity.ERROR, "评分依据达到指标体系要求的覆盖率",
                "系统已核验指标权重%s分（覆盖率%s%%，要求%s%%），其余%d项指标（权重%s分）待补充依据：%s".formatted(
                        Figures.points(coverage.assessedWeight()), Figures.percent(coverage.percent()),
                        Figures.percent(coverage.threshold()), coverage.missing().size(),
                        Figures.points(missingWeight), String.join("；", items)),
                List.of(new Finding.FigureRef("coverage.assessedWeight", "已核验指标权重", coverage.assessedWeight(),
                                "points"),
                        new Finding.FigureRef("coverage.totalWeight", "指标体系总权重", coverage.totalWeight(), "points")),
                coverage.threshold(), coverage.percent(), coverage.percent().subtract(coverage.threshold()), "percent",
                null);
    }

    /** Who supplies what an indicator reads: the unit's statement, or the register that publishes the facts. */
    private static String from(Indicator leaf) {
        if (!"formula".equals(leaf.measure().type())) {
            return "单位（自评表）";
        }
        Set<String> sources = new LinkedHashSet<>();
        for (String input : leaf.measure().inputs()) {
            sources.add(input.startsWith("prev.") ? "上年数据" : input.startsWith("budget.") ? "预算收支及执行"
                    : input.startsWith("staff.") ? "人员情况" : input.startsWith("assets.") ? "资产情况" : input);
        }
        return sources.stream().collect(Collectors.joining("、"));
    }
}
