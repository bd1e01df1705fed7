package io.jixiao.commons.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.commons.printing.Figures;
import io.jixiao.commons.reconciliation.Reconciler.Figure;
import io.jixiao.commons.reconciliation.Reconciler.Located;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes from the year before a report states (本年比上年增减额 / 增长率), each held against this year's figure in
 * the same document: the stated 增减额 against this year − 上年数, the stated 增长率 against 增减额 ÷ 上年数, where a
 * term not stated is implied by the other two (上年数 = 本年数 − 增减额) as a reader would.
 */
final class Changes {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Changes() {
    }

    static void check(Reconciler reconciler, Rule rule, JsonNode document, Located element, Results out) {
        JsonNode named = element.node().get(rule.current());
        if (named == null || !named.isTextual()) {
            return;
        }
        String prefix = element.path() + ".";
        Figure current = reconciler.figure(document, "", named.asText());
        String label = current.label();
        Figure previous = reconciler.figure(element.node(), prefix, rule.previous()).labelled("上年" + label);
        Figure change = reconciler.figure(element.node(), prefix, rule.change()).labelled(label + "增减额");
        if ("changeAmount".equals(rule.type())) {
            amount(rule, current, previous, change, element.path(), out);
        } else if ("changePriorYear".equals(rule.type())) {
            Figure held = reconciler.figure(document, "", Reconciler.PRIOR_YEAR + "." + named.asText())
                    .labelled("上年度文件所载" + label);
            priorYear(rule, current, previous, change, held, element.path(), out);
        } else {
            Figure rate = reconciler.figure(element.node(), prefix, rule.rate()).labelled(label + "增长率")
                    .in("percent");
            rate(rule, current, previous, change, rate, element.path(), out);
        }
    }

    private static void amount(Rule rule, Figure current, Figure previous, Figure change, String subject,
            Results out) {
        if (change.value() == null) {
            return; // no 增减额 stated
        }
        List<Figure> all = List.of(change, current, previous);
        List<Figure> missing = all.stream().filter(f -> f.value() == null).toList();
        if (!missing.isEmpty()) {
            if (previous.value() != null || current.value() == null) {
                out.unchecked(rule, subject, missing);
            }
            return; // 上年数 not stated: the stated 增减额 is what implies it
        }
        BigDecimal expected = current.value().subtract(previous.value());
        BigDecimal difference = change.value().subtract(expected);
        if (difference.abs().compareTo(Reconciler.tolerance(rule, all)) > 0) {
            out.add(Reconciler.finding(rule, rule.severity(), subject, all, expected, change.value(), difference,
                    "%s 填报 %s，而 %s %s − %s %s = %s，相差 %s".formatted(change.label(),
                            Figures.format(change.value(), "yuan"), current.label(),
                            Figures.format(current.value(), "yuan"), previous.label(),
                            Figures.format(previous.value(), "yuan"), Figures.format(expected, "yuan"),
                            Figures.format(difference, "yuan"))));
        }
    }

    /**
     * The 上年数 a report states (or implies: 本年数 − 增减额) against the figure of the previous year's own document,
     * where the platform holds it and it states that figure; nothing to say otherwise.
     */
    private static void priorYear(Rule rule, Figure current, Figure previous, Figure change, Figure held,
            String subject, Results out) {
        if (held.value() == null) {
            return;
        }
        List<Figure> used;
        BigDecimal stated;
        if (previous.value() != null) {
            stated = previous.value();
            used = List.of(previous, held);
        } else if (current.value() != null && change.value() != null) {
            stated = current.value().subtract(change.value());
            used = List.of(current, change, held);
        } else {
            return;
        }
        BigDecimal difference = stated.subtract(held.value());
        if (difference.abs().compareTo(Reconciler.tolerance(rule, used)) > 0) {
            out.add(Reconciler.finding(rule, rule.severity(), subject, used, held.value(), stated, difference,
                    "%s %s，而上年度文件为 %s，相差 %s".formatted(previous.value() != null ? previous.label()
                                    : previous.label() + "（" + current.label() + " − 增减额）",
                            Figures.format(stated, "yuan"), Figures.format(held.value(), "yuan"),
                            Figures.format(difference, "yuan"))));
        }
    }

    private static void rate(Rule rule, Figure current, Figure previous, Figure change, Figure rate, String subject,
            Results out) {
        if (rate.value() == null) {
            return; // no 增长率 stated
        }
        BigDecimal delta = change.value() != null ? change.value()
                : current.value() != null && previous.value() != null ? current.value().subtract(previous.value())
                : null;
        BigDecimal base = previous.value() != null ? previous.value()
                : current.value() != null && change.value() != null ? current.value().subtract(change.value()) : null;
        List<Figure> all = new ArrayList<>(List.of(rate, current, previous, change));
        if (delta == null || base == null) {
            out.unchecked(rule, subject, all.stream().filter(f -> f.value() == null).toList());
            return;
        }
        if (base.signum() == 0) {
            out.unchecked(rule, subject, List.of(previous.zero()));
            return;
        }
        BigDecimal exact = delta.multiply(HUNDRED).divide(base, MathContext.DECIMAL128);
        BigDecimal tolerance = rule.tolerance() != null ? rule.tolerance()
                : Precision.rate(rate.value(), exact, delta, base);
        if (rate.value().subtract(exact).abs().compareTo(tolerance) > 0) {
            BigDecimal computed = exact.setScale(2, RoundingMode.HALF_UP);
            out.add(Reconciler.finding(rule, rule.severity(), subject, all.stream().filter(f -> f.value() != null)
                    .toList(), computed, rate.value(), rate.value().subtract(computed),
                    "%s 填报 %s，按 增减额 %s ÷ 上年数 %s 计算应为 %s".formatted(rate.label(),
                            Figures.format(rate.value(), "percent"), Figures.format(delta, "yuan"),
                            Figures.format(base, "yuan"), Figures.format(computed, "percent"))));
        }
    }
}
