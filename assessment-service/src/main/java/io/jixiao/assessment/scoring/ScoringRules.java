package io.jixiao.assessment.scoring;

import io.jixiao.assessment.framework.Indicator;
import io.jixiao.commons.printing.Figures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The scoring rules seen in real self-evaluation tables, each a small type with parameters, built from a
 * framework's {@code rule: {type, params}}:
 * <ul>
 * <li>{@code proportional} {cap}: weight × min(actual / target, cap); for a "≤" target, target / actual.</li>
 * <li>{@code threshold} {perPoint}: full marks while the target is met, then perPoint deducted per percentage point
 * beyond it, never below 0.</li>
 * <li>{@code bands} {bands: [{min, ratio}]}: the share of the weight of the highest band reached.</li>
 * <li>{@code checklist} {items: [{code, name, points}]}: the points of the items met.</li>
 * <li>{@code deduction} {perViolation}: weight − violations × perViolation, never below 0.</li>
 * <li>{@code qualitative}: 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 % of the weight; a claimed percentage is held to
 * its band, none claimed counts as the band's floor.</li>
 * <li>{@code rate}: weight × min(actual, 100) / 100 (an execution rate times the weight).</li>
 * </ul>
 */
public final class ScoringRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL128;

    private ScoringRules() {
    }

    public static ScoringRule of(Indicator.RuleSpec spec) {
        Map<String, Object> p = spec.params() == null ? Map.of() : spec.params();
        return switch (spec.type()) {
            case "proportional" -> new Proportional(decimal(p, "cap", BigDecimal.ONE));
            case "threshold" -> new Threshold(decimal(p, "perPoint", null));
            case "bands" -> new Bands(bands(p));
            case "checklist" -> new Checklist(items(p));
            case "deduction" -> new Deduction(decimal(p, "perViolation", null));
            case "qualitative" -> new Qualitative();
            case "rate" -> new Rate();
            default -> throw new IllegalArgumentException("unknown scoring rule " + spec.type());
        };
    }

    /** weight × min(actual / target, cap); for "≤" targets target / actual. */
    public record Proportional(BigDecimal cap) implements ScoringRule {
        @Override
        public Outcome score(BigDecimal weight, ScoringInput in) {
            if (in.actual() == null) {
                return Outcome.notAssessable("无实际值");
            }
            if (in.target() == null || in.target().value() == null) {
                return Outcome.notAssessable("无目标值");
            }
            BigDecimal target = in.target().value();
            BigDecimal actual = in.actual();
            BigDecimal ratio;
            if ("<=".equals(in.target().operator())) {
                ratio = actual.signum() == 0 ? cap : target.divide(actual, MC);
            } else if (target.signum() == 0) {
                return Outcome.notAssessable("目标值为零，无法按完成比例计分");
            } else {
                ratio = actual.divide(target, MC);
            }
            ratio = ratio.max(BigDecimal.ZERO).min(cap);
            return Outcome.scored(weight.multiply(ratio), "完成比例 %s，按比例得分（上限 %s 倍）"
                    .formatted(pct(ratio), plain(cap)));
        }

        @Override
        public String describe() {
            return "按完成比例计分，上限 " + plain(cap) + " 倍";
        }
    }

    /** Full marks while the target is met; perPoint deducted per percentage point beyond it. */
    public record Threshold(BigDecimal perPoint) implements ScoringRule {
        public Threshold {
            if (perPoint == null || perPoint.signum() < 0) {
                throw new IllegalArgumentException("threshold needs perPoint ≥ 0");
            }
        }

        @Override
        public Outcome score(BigDecimal weight, ScoringInput in) {
            if (in.actual() == null) {
                return Outcome.notAssessable("无实际值");
            }
            if (in.target() == null || in.target().value() == null) {
                return Outcome.notAssessable("无目标值");
            }
            BigDecimal target = in.target().value();
            BigDecimal gap = switch (in.target().operator()) {
                case "<=" -> in.actual().subtract(target);
                case ">=" -> target.subtract(in.actual());
                default -> in.actual().subtract(target).abs();
            };
            if (gap.signum() <= 0) {
                return Outcome.scored(weight, "达到目标 %s%s，得满分".formatted(in.target().operator(), plain(target)));
            }
            BigDecimal deduction = gap.multiply(perPoint).min(weight);
            return Outcome.scored(weight.subtract(deduction), "偏离目标 %s 个百分点，每个百分点扣 %s 分，扣 %s 分"
                    .formatted(plain(gap), plain(perPoint), plain(deduction)));
        }

        @Override
        public String describe() {
            return "达到目标得满分，每偏离1个百分点扣 " + plain(perPoint) + " 分";
        }
    }

    /** The share of the weight of the highest band reached. */
    public record Bands(List<Band> bands) implements ScoringRule {
        /** A band: from {@code min} up, worth {@code ratio} of the weight. */
        public record Band(BigDecimal min, BigDecimal ratio) {
        }

        @Override
        public Outcome score(BigDecimal weight, ScoringInput in) {
            if (in.actual() == null) {
                return Outcome.notAssessable("无实际值");
            }
            for (Band band : bands.stream().sorted(Comparator.comparing(Band::min).reversed()).toList()) {
                if (in.actual().compareTo(band.min()) >= 0) {
                    return Outcome.scored(weight.multiply(band.ratio()), "实际值 %s 落在 ≥%s 档，得分比例 %s"
                            .formatted(plain(in.actual()), plain(band.min()), pct(band.ratio())));
                }
            }
            return Outcome.scored(BigDecimal.ZERO, "实际值 " + plain(in.actual()) + " 低于所有档次");
        }

        @Override
        public String describe() {
            return "分档计分：" + String.join("；", bands.stream()
                    .map(b -> "≥" + plain(b.min()) + " 得 " + pct(b.ratio())).toList());
        }
    }

    /** The points of the checklist items met. */
    public record Checklist(List<Item> items) implements ScoringRule {
        /** An item worth points. */
        public record Item(String code, String name, BigDecimal points) {
        }

        @Override
        public Outcome score(BigDecimal weight, ScoringInput in) {
            if (in.itemsMet() == null) {
                return Outcome.notAssessable("未填报各项完成情况");
            }
            BigDecimal sum = BigDecimal.ZERO;
            List<String> met = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            for (Item item : items) {
                if (in.itemsMet().contains(item.code())) {
                    sum = sum.add(item.points());
                    met.add(item.name());
                } else {
                    missed.add(item.name() + "（−" + plain(item.points()) + "）");
                }
            }
            return Outcome.scored(sum.min(weight), "已达到：" + (met.isEmpty() ? "无" : String.join("、", met))
                    + (missed.isEmpty() ? "" : "；未达到：" + String.join("、", missed)));
        }

        @Override
        public String describe() {
            return "逐项计分：" + String.join("；", items.stream().map(i -> i.name() + " " + plain(i.points()) + "分").toList());
        }
    }

    /** weight − violations × perViolation. */
    public record Deduction(BigDecimal perViolation) implements ScoringRule {
        public Deduction {
            if (perViolation == null || perViolation.signum() <= 0) {
                throw new IllegalArgumentException("deduction needs perViolation > 0");
            }
        }

        @Override
        public Outcome score(BigDecimal weight, ScoringInput in) {
            if (in.violations() == null) {
                return Outcome.notAssessable("未填报违规情况");
            }
            BigDecimal deduction = perViolation.multiply(BigDecimal.valueOf(in.violations())).min(weight);
            return Outcome.scored(weight.subtract(deduction), in.violations() == 0 ? "未发现违规，得满分"
                    : "发现违规 %d 项，每项扣 %s 分，扣 %s 分".formatted(in.violations(), plain(perViolation), plain(deduction)));
        }

        @Override
        public String describe() {
            return "每发现1项违规扣 " + plain(perViolation) + " 分";
        }
    }

    /** 达成 / 部分达成 / 未达成 as bands of the weight. */
    public record Qualitative() implements ScoringRule {
        @Override
        public Outcome score(BigDecimal weight, ScoringInput in) {
            if (in.rating() == null || in.rating().level() == null) {
                return Outcome.notAssessable("未填报定性评价及依据");
            }
            ScoringInput.Level level = in.rating().level();
            BigDecimal percent = in.rating().percent() == null ? level.low
                    : in.rating().percent().max(level.low).min(level.high);
            String note = in.rating().percent() != null && percent.compareTo(in.rating().percent()) != 0
                    ? "（填报 " + plain(in.rating().percent()) + "%，超出该档范围，按 " + plain(percent) + "% 计）" : "";
            return Outcome.scored(weight.multiply(percent).divide(HUNDRED, MC), "%s，按权重的 %s%% 计分%s"
                    .formatted(name(level), plain(percent), note));
        }

        @Override
        public String describe() {
            return "定性分档：达成 80–100%，部分达成 60–80%，未达成 0–60%";
        }

        private static String name(ScoringInput.Level level) {
            return switch (level) {
                case ACHIEVED -> "达成";
                case PARTIAL -> "部分达成";
                case NOT_ACHIEVED -> "未达成";
            };
        }
    }

    /** weight × min(actual, 100) / 100. */
    public record Rate() implements ScoringRule {
        @Override
        public Outcome score(BigDecimal weight, ScoringInput in) {
            if (in.actual() == null) {
                return Outcome.notAssessable("无实际值");
            }
            BigDecimal rate = in.actual().max(BigDecimal.ZERO).min(HUNDRED);
            return Outcome.scored(weight.multiply(rate).divide(HUNDRED, MC), "%s%% × 权重 %s"
                    .formatted(plain(rate), plain(weight)));
        }

        @Override
        public String describe() {
            return "得分 = 实际值（%）× 权重";
        }
    }

    private static BigDecimal decimal(Map<String, Object> p, String name, BigDecimal fallback) {
        Object v = p.get(name);
        if (v == null) {
            return fallback;
        }
        return new BigDecimal(v.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Bands.Band> bands(Map<String, Object> p) {
        Object raw = p.get("bands");
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("bands needs a list of {min, ratio}");
        }
        return list.stream().map(o -> (Map<String, Object>) o)
                .map(m -> new Bands.Band(new BigDecimal(m.get("min").toString()), new BigDecimal(m.get("ratio").toString())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Checklist.Item> items(Map<String, Object> p) {
        Object raw = p.get("items");
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("checklist needs items");
        }
        return list.stream().map(o -> (Map<String, Object>) o)
                .map(m -> new Checklist.Item(m.get("code").toString(), m.get("name").toString(),
                        new BigDecimal(m.get("points").toString())))
                .toList();
    }

    /** A number in an explanation, as people print it: at most two decimals (computation keeps them all). */
    static String plain(BigDecimal v) {
        return Figures.decimal(v);
    }

    static String pct(BigDecimal ratio) {
        return Figures.ratioAsPercent(ratio);
    }
}
