package io.jixiao.assessment.scoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Indicator;
import io.jixiao.commons.printing.Figures;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot.IndicatorResult;
import io.jixiao.events.assessment.ScoreSnapshot.Input;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores a unit-year against a framework: every leaf measured (formula over facts, or what the unit stated) and
 * scored by its rule, parents summed, the total graded, and the unit's declared scores held against what the
 * evidence supports. Every result explains itself: formula, inputs with their events, rule, deduction.
 */
public final class Scorer {

    public static final String EVALUATION_SOURCE = "assessment-service (unit's statement)";
    private static final Map<String, String> LABELS = labels();

    private Scorer() {
    }

    public static ScoreSnapshot score(String unitCode, int fiscalYear, Framework framework, Facts facts,
            EvaluationInputs stated, long statedVersion) {
        EvaluationInputs in = stated == null ? EvaluationInputs.empty() : stated;
        Map<String, IndicatorResult> results = new LinkedHashMap<>();
        Map<String, List<IndicatorResult>> own = new LinkedHashMap<>(); // 个性指标 under the headings that take them
        for (Indicator leaf : framework.leaves()) {
            if (UnitIndicators.TYPE.equals(leaf.measure().type())) {
                UnitIndicators.Scored scored = UnitIndicators.score(leaf, in, statedVersion);
                results.put(leaf.code(), scored.heading());
                own.put(leaf.code(), scored.indicators());
            } else {
                results.put(leaf.code(), scoreLeaf(leaf, facts, in, statedVersion));
            }
        }
        List<IndicatorResult> tree = new ArrayList<>();
        for (Indicator indicator : framework.all()) {
            tree.add(indicator.isLeaf() ? results.get(indicator.code()) : parent(indicator, results, in));
            tree.addAll(own.getOrDefault(indicator.code(), List.of()));
        }
        Map<String, IndicatorResult> declarable = new LinkedHashMap<>(results);
        own.values().forEach(list -> list.forEach(r -> declarable.put(r.code(), r)));
        BigDecimal total = results.values().stream().filter(IndicatorResult::assessable).map(IndicatorResult::score)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal declaredTotal = in.declared() == null ? null : in.declared().total();
        ScoreSnapshot.Coverage coverage = Coverage.of(framework, results);
        return new ScoreSnapshot(unitCode, fiscalYear,
                coverage.complete() ? ScoreSnapshot.Status.SCORED : ScoreSnapshot.Status.INCOMPLETE, null,
                basis(facts, stated, statedVersion),
                new ScoreSnapshot.FrameworkRef(framework.id(), framework.version(), framework.name()), total,
                coverage.complete() ? framework.grade(total) : null, declaredTotal, tree,
                declaredFindings(declarable, total, declaredTotal, coverage), Monitoring.warnings(facts, in), coverage);
    }

    /**
     * A unit-year whose facts are held but that cannot be scored yet ({@code status} says why, {@code reason} in
     * words): no framework, no total, no grade; what it rests on so far, and the unit's declared total if stated.
     */
    public static ScoreSnapshot unscored(String unitCode, int fiscalYear, ScoreSnapshot.Status status, String reason,
            Facts facts, EvaluationInputs stated, long statedVersion) {
        BigDecimal declaredTotal = stated == null || stated.declared() == null ? null : stated.declared().total();
        return new ScoreSnapshot(unitCode, fiscalYear, status, reason, basis(facts, stated, statedVersion), null, null,
                null, declaredTotal, List.of(), List.of(), List.of(), null);
    }

    /** The versions of the facts and of the statement a result rests on. */
    static ScoreSnapshot.Basis basis(Facts facts, EvaluationInputs stated, long statedVersion) {
        Function<String, Long> version = name -> facts.fact(name).map(Facts.Fact::version).orElse(null);
        return new ScoreSnapshot.Basis(version.apply("budget"), version.apply("staff"), version.apply("assets"),
                stated == null || statedVersion == 0 ? null : statedVersion, version.apply("prev.budget"),
                version.apply("prev.staff"), version.apply("prev.assets"));
    }

    private static IndicatorResult scoreLeaf(Indicator leaf, Facts facts, EvaluationInputs in, long statedVersion) {
        ScoringRule rule = ScoringRules.of(leaf.rule());
        Indicator.Target target = targetOf(leaf, in);
        String type = leaf.measure().type();
        List<Input> inputs = new ArrayList<>();
        String formula = null;
        ScoringInput scoringInput;
        String missing = null;
        switch (type) {
            case "formula" -> {
                formula = leaf.measure().formula();
                var measured = MeasureEvaluator.evaluate(formula, leaf.measure().inputs(), facts, LABELS);
                inputs.addAll(measured.inputs());
                missing = measured.notAssessableReason();
                scoringInput = ScoringInput.ofActual(measured.value(), target);
            }
            case "manual" -> {
                var actual = find(in.actuals(), EvaluationInputs.ActualValue::indicator, leaf.code());
                actual.ifPresent(a -> inputs.add(new Input("actuals[" + leaf.code() + "]", a.value(),
                        EVALUATION_SOURCE, statedVersion)));
                missing = actual.isEmpty() ? "单位未填报实际值" : null;
                scoringInput = ScoringInput.ofActual(actual.map(EvaluationInputs.ActualValue::value).orElse(null), target);
            }
            case "rating" -> {
                var rating = find(in.ratings(), EvaluationInputs.RatingValue::indicator, leaf.code());
                rating.ifPresent(r -> inputs.add(new Input("ratings[" + leaf.code() + "]", r.percent(),
                        EVALUATION_SOURCE, statedVersion)));
                scoringInput = new ScoringInput(null, target,
                        rating.map(r -> new ScoringInput.Rating(r.level(), r.percent())).orElse(null), null, null);
            }
            case "checklist" -> {
                var answer = find(in.checklists(), EvaluationInputs.ChecklistValue::indicator, leaf.code());
                answer.ifPresent(a -> inputs.add(new Input("checklists[" + leaf.code() + "]",
                        BigDecimal.valueOf(a.itemsMet().size()), EVALUATION_SOURCE, statedVersion)));
                scoringInput = new ScoringInput(null, target, null,
                        answer.map(a -> (java.util.Set<String>) new HashSet<>(a.itemsMet())).orElse(null), null);
            }
            case "violations" -> {
                var v = find(in.violations(), EvaluationInputs.ViolationValue::indicator, leaf.code());
                v.ifPresent(x -> inputs.add(new Input("violations[" + leaf.code() + "]", BigDecimal.valueOf(x.count()),
                        EVALUATION_SOURCE, statedVersion)));
                scoringInput = new ScoringInput(null, target, null, null,
                        v.map(EvaluationInputs.ViolationValue::count).orElse(null));
            }
            default -> throw new IllegalArgumentException("indicator " + leaf.code() + ": unknown measure " + type);
        }
        Outcome outcome = missing != null ? Outcome.notAssessable(missing) : rule.score(leaf.weight(), scoringInput);
        BigDecimal declared = declaredScore(in, leaf.code());
        String deviation = find(in.deviations(), EvaluationInputs.Deviation::indicator, leaf.code())
                .map(EvaluationInputs.Deviation::explanation).orElse(null);
        BigDecimal deduction = outcome.assessable() ? leaf.weight().subtract(outcome.score()) : null;
        return new IndicatorResult(leaf.code(), leaf.name(), leaf.level(), parentCode(leaf.code()), leaf.weight(),
                printTarget(target, leaf), printActual(scoringInput, leaf), outcome.assessable() ? scoringInput.actual() : null,
                outcome.score(), declared, outcome.assessable(), outcome.assessable() ? null : outcome.explanation(),
                formula, List.copyOf(inputs), rule.describe(), deduction,
                outcome.assessable() ? outcome.explanation() : "不可评价：" + outcome.explanation(), deviation, null);
    }

    private static IndicatorResult parent(Indicator parent, Map<String, IndicatorResult> leaves, EvaluationInputs in) {
        List<IndicatorResult> under = leaves.values().stream().filter(r -> r.code().startsWith(parent.code() + "."))
                .toList();
        boolean assessable = under.stream().anyMatch(IndicatorResult::assessable);
        BigDecimal score = under.stream().filter(IndicatorResult::assessable).map(IndicatorResult::score)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long notAssessable = under.stream().filter(r -> !r.assessable()).count();
        return new IndicatorResult(parent.code(), parent.name(), parent.level(), parentCode(parent.code()),
                parent.totalWeight(), null, null, null, assessable ? score : null, declaredScore(in, parent.code()),
                assessable, assessable ? null : "下级指标均不可评价", null, List.of(), "下级指标得分之和", null,
                notAssessable == 0 ? "下级指标得分之和" : "下级指标得分之和（" + notAssessable + " 项不可评价，计0分）", null, null);
    }

    /**
     * The unit's declared scores against the evidence: an indicator's wherever both exist (one not assessed yet is
     * listed in the coverage, not held against its declaration), the total only when the coverage is complete; an
     * incomplete evaluation is itself a finding that names what is missing.
     */
    private static List<Finding> declaredFindings(Map<String, IndicatorResult> leaves, BigDecimal total,
            BigDecimal declaredTotal, ScoreSnapshot.Coverage coverage) {
        List<Finding> findings = new ArrayList<>();
        for (IndicatorResult r : leaves.values()) {
            if (r.declaredScore() == null || !r.assessable()) {
                continue;
            }
            BigDecimal supported = r.score();
            if (r.declaredScore().compareTo(supported) > 0) {
                findings.add(new Finding("ASSESS-DECLARED-INDICATOR", Severity.WARNING,
                        "自评得分不高于依据支持的得分",
                        "%s %s：自评 %s 分，依据支持 %s 分".formatted(r.code(), r.name(), plain(r.declaredScore()),
                                plain(supported)),
                        List.of(new Finding.FigureRef("indicators[" + r.code() + "].declaredScore", "自评得分",
                                r.declaredScore()), new Finding.FigureRef("indicators[" + r.code() + "].score",
                                "计算得分", supported)),
                        supported, r.declaredScore(), r.declaredScore().subtract(supported), "points", r.code()));
            }
        }
        if (!coverage.complete()) {
            findings.add(Coverage.finding(coverage));
        } else if (declaredTotal != null && declaredTotal.compareTo(total) > 0) {
            findings.add(new Finding("ASSESS-DECLARED-TOTAL", Severity.ERROR, "自评总分不高于依据支持的总分",
                    "自评总分 %s 分，依据支持 %s 分，高出 %s 分".formatted(plain(declaredTotal), plain(total),
                            plain(declaredTotal.subtract(total))),
                    List.of(new Finding.FigureRef("declaredTotal", "自评总分", declaredTotal),
                            new Finding.FigureRef("total", "计算总分", total)),
                    total, declaredTotal, declaredTotal.subtract(total), "points", null));
        }
        return findings;
    }

    private static Indicator.Target targetOf(Indicator leaf, EvaluationInputs in) {
        return find(in.targets(), EvaluationInputs.TargetValue::indicator, leaf.code())
                .map(t -> new Indicator.Target(t.operator(), t.adjustedValue() != null ? t.adjustedValue() : t.targetValue()))
                .orElse(leaf.target());
    }

    static BigDecimal declaredScore(EvaluationInputs in, String code) {
        if (in.declared() == null || in.declared().scores() == null) {
            return null;
        }
        return find(in.declared().scores(), EvaluationInputs.DeclaredScore::indicator, code)
                .map(EvaluationInputs.DeclaredScore::score).orElse(null);
    }

    private static <T> Optional<T> find(List<T> list, Function<T, String> code, String wanted) {
        return list == null ? Optional.empty() : list.stream().filter(t -> wanted.equals(code.apply(t))).findFirst();
    }

    static String parentCode(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }

    private static String printTarget(Indicator.Target target, Indicator leaf) {
        return printTarget(target, leaf.measure().unit());
    }

    static String printTarget(Indicator.Target target, String unit) {
        if (target == null || target.value() == null) {
            return null;
        }
        String op = switch (target.operator()) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> "=";
        };
        return op + Figures.inMeasure(target.value(), unit);
    }

    private static String printActual(ScoringInput in, Indicator leaf) {
        if (in.actual() != null) {
            return Figures.inMeasure(in.actual(), leaf.measure().unit());
        }
        if (in.rating() != null) {
            return switch (in.rating().level()) {
                case ACHIEVED -> "达成";
                case PARTIAL -> "部分达成";
                case NOT_ACHIEVED -> "未达成";
            };
        }
        if (in.itemsMet() != null) {
            return "达到 " + in.itemsMet().size() + " 项";
        }
        if (in.violations() != null) {
            return "违规 " + in.violations() + " 项";
        }
        return null;
    }

    /** Points as the findings print them: at most two decimals. */
    private static String plain(BigDecimal v) {
        return Figures.points(v);
    }

    private static Map<String, String> labels() {
        try (InputStream in = Scorer.class.getClassLoader().getResourceAsStream("facts/labels.yaml")) {
            if (in == null) {
                return Map.of();
            }
            Map<String, String> raw = new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<>() { });
            return new HashMap<>(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The indicator codes of a framework, for checking what a unit states. */
    public static java.util.Set<String> codes(Framework framework) {
        return framework.all().stream().map(Indicator::code).collect(Collectors.toSet());
    }
}
