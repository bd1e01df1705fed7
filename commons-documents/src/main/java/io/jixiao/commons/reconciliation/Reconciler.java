package io.jixiao.commons.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.commons.printing.Figures;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Finding.FigureRef;
import io.jixiao.events.findings.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a {@link RuleSet} to a document's JSON and returns its findings (DESIGN §6). Figures are read exactly as
 * decimals; a contradiction becomes a finding with the figures involved, what was expected, what was stated and
 * the difference. A figure that is absent is not stated, never zero: a rule with unstated figures checks what still
 * follows soundly (a 其中 never exceeds its total; the remainder a total leaves for its unstated terms is never
 * negative) and is otherwise listed, once per document, in one {@code INFO} finding of what could not be checked
 * ("未能核对"). A rule none of whose figures is stated says nothing.
 */
public final class Reconciler {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** What a rate rule divides: amounts (a stated rate is 支出 ÷ 预算). */
    private static final String OPERAND_UNIT = "yuan";

    /**
     * Where a document being checked carries the previous year's document as the platform holds it, for the
     * {@code changePriorYear} rules; absent when the platform holds none.
     */
    public static final String PRIOR_YEAR = "priorYear";

    private final RuleSet rules;

    public Reconciler(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    public List<Finding> check(JsonNode document) {
        Results results = new Results(rules.uncheckedId());
        for (Rule rule : rules.rules()) {
            if (rule.forEach() == null) {
                check(rule, document, "", null, results);
            } else {
                for (Located element : JsonPaths.resolve(document, rule.forEach())) {
                    if (rule.type().startsWith("change")) {
                        Changes.check(this, rule, document, element, results);
                    } else {
                        check(rule, element.node(), element.path() + ".", element.path(), results);
                    }
                }
            }
        }
        return results.all();
    }

    private void check(Rule rule, JsonNode root, String prefix, String subject, Results out) {
        if (rule.ifPresent() != null && figure(root, prefix, rule.ifPresent()).value() == null) {
            return;
        }
        switch (rule.type()) {
            case "sum" -> sum(rule, root, prefix, subject, out);
            case "breakdown" -> breakdown(rule, root, prefix, subject, out);
            case "rate" -> rate(rule, root, prefix, subject, out);
            case "atMost" -> atMost(rule, root, prefix, subject, out);
            default -> throw new IllegalStateException(rule.type());
        }
    }

    private void sum(Rule rule, JsonNode root, String prefix, String subject, Results out) {
        Figure total = figure(root, prefix, rule.total());
        List<Figure> terms = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        List<Figure> rounded = new ArrayList<>(List.of(total)); // the figures as stated, whose rounding adds up
        for (String term : rule.terms()) {
            signs.add(sign(term));
            Figure figure = figure(root, prefix, unsigned(term));
            Derived derived = figure.value() == null && prefix.isEmpty() ? derive(root, figure, rule, 0) : null;
            terms.add(derived == null ? figure : derived.figure());
            rounded.addAll(derived == null ? List.of(figure) : derived.parts());
        }
        List<Figure> all = new ArrayList<>(terms);
        all.add(0, total);
        List<Figure> missing = all.stream().filter(f -> f.value() == null).toList();
        if (missing.size() == all.size()) {
            return;
        }
        BigDecimal known = BigDecimal.ZERO;
        StringBuilder formula = new StringBuilder();
        Set<Integer> unstatedSigns = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            Figure term = terms.get(i);
            int sign = signs.get(i);
            if (term.value() == null) {
                unstatedSigns.add(sign);
                continue;
            }
            known = known.add(term.value().multiply(BigDecimal.valueOf(sign)));
            formula.append(formula.isEmpty() ? (sign < 0 ? "− " : "") : sign < 0 ? " − " : " + ")
                    .append(term.label()).append(' ').append(Figures.format(term.value(), rule.unit()));
        }
        BigDecimal tolerance = tolerance(rule, rounded);
        if (missing.isEmpty()) {
            BigDecimal difference = total.value().subtract(known);
            if (difference.abs().compareTo(tolerance) > 0) {
                out.add(finding(rule, rule.severity(), subject, all, known, total.value(), difference,
                        "%s %s，而 %s = %s，相差 %s".formatted(total.label(), Figures.format(total.value(), rule.unit()),
                                formula, Figures.format(known, rule.unit()),
                                Figures.format(difference, rule.unit()))));
            }
            return;
        }
        out.unchecked(rule, subject, missing);
        if (total.value() == null || unstatedSigns.size() != 1 || formula.isEmpty()) {
            return; // no total, or unstated terms on both sides: nothing follows from the stated ones
        }
        // the unstated terms (amounts, never negative) take what the stated ones leave of the total
        BigDecimal remainder = total.value().subtract(known);
        BigDecimal implied = remainder.multiply(BigDecimal.valueOf(unstatedSigns.iterator().next()));
        if (implied.negate().compareTo(tolerance) > 0) {
            String unstated = missing.stream().map(Figure::label).collect(Collectors.joining("、"));
            out.add(finding(rule, rule.severity(), subject, all, known, total.value(), remainder,
                    "%s %s，而 %s = %s，未填报的%s%s须为 %s，不可能为负".formatted(total.label(),
                            Figures.format(total.value(), rule.unit()), formula, Figures.format(known, rule.unit()),
                            unstated, missing.size() > 1 ? "合计" : "", Figures.format(implied, rule.unit()))));
        }
    }

    /** A sum's term as written in a rule: {@code -recoveries} is subtracted, {@code +x} and {@code x} added. */
    private static int sign(String term) {
        return term.startsWith("-") ? -1 : 1;
    }

    private static String unsigned(String term) {
        return term.startsWith("-") || term.startsWith("+") ? term.substring(1) : term;
    }

    /** A term not stated whose own parts are, as another rule adds them up: 基本支出 = 人员经费 + 公用经费. */
    private record Derived(Figure figure, List<Figure> parts) {
    }

    /**
     * The value a reader gives an unstated total whose every part is stated (or itself so derived), by the document's
     * own sum rule for it; null when there is none. Its rounding is that of its parts.
     */
    private Derived derive(JsonNode root, Figure unstated, Rule asking, int depth) {
        if (depth > 3) {
            return null;
        }
        for (Rule rule : rules.rules()) {
            if (rule == asking || rule.forEach() != null || !"sum".equals(rule.type())
                    || !unstated.path().equals(rule.total())) {
                continue;
            }
            BigDecimal value = BigDecimal.ZERO;
            List<Figure> parts = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (String term : rule.terms()) {
                int sign = sign(term);
                Figure part = figure(root, "", unsigned(term));
                Derived inner = part.value() == null ? derive(root, part, rule, depth + 1) : null;
                if (part.value() == null && inner == null) {
                    value = null;
                    break;
                }
                value = value.add((inner == null ? part.value() : inner.figure().value())
                        .multiply(BigDecimal.valueOf(sign)));
                parts.addAll(inner == null ? List.of(part) : inner.parts());
                labels.add((labels.isEmpty() ? (sign < 0 ? "−" : "") : sign < 0 ? "− " : "+ ") + part.label());
            }
            if (value != null) {
                return new Derived(new Figure(unstated.path(), unstated.label() + "（未填报，按" + String.join(" ", labels)
                        + "推算）", value, unstated.unit(), false), List.copyOf(parts));
            }
        }
        return null;
    }

    private void breakdown(Rule rule, JsonNode root, String prefix, String subject, Results out) {
        List<Figure> items = new ArrayList<>();
        for (Located item : JsonPaths.resolve(root, rule.items())) {
            items.add(new Figure(prefix + item.path(), rules.label(prefix + item.path()), JsonPaths.decimal(item.node())));
        }
        List<Figure> stated = items.stream().filter(f -> f.value() != null).toList();
        if (stated.isEmpty()) {
            return; // no 其中 amount given: nothing to hold against the total
        }
        Figure total = figure(root, prefix, rule.total());
        List<Figure> all = new ArrayList<>(items);
        all.add(0, total);
        if (total.value() == null) {
            out.unchecked(rule, subject, List.of(total));
            return;
        }
        BigDecimal explained = stated.stream().map(Figure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = total.value().subtract(explained);
        BigDecimal tolerance = tolerance(rule, all);
        String unit = rule.unit();
        if (difference.negate().compareTo(tolerance) > 0) {
            out.add(finding(rule, rule.severity(), subject, all, explained, total.value(), difference,
                    "其中各项合计 %s，超过 %s %s，超出 %s".formatted(Figures.format(explained, unit), total.label(),
                            Figures.format(total.value(), unit), Figures.format(difference.negate(), unit))));
        } else if (difference.compareTo(tolerance) > 0 && stated.size() == items.size()
                && !"none".equals(rule.partial())) {
            Severity partial = rule.partial() == null ? Severity.WARNING : Severity.valueOf(rule.partial().toUpperCase());
            out.add(finding(rule, partial, subject, all, explained, total.value(), difference,
                    "其中各项合计 %s，%s %s 中有 %s 未列明".formatted(Figures.format(explained, unit), total.label(),
                            Figures.format(total.value(), unit), Figures.format(difference, unit))));
        }
    }

    private void rate(Rule rule, JsonNode root, String prefix, String subject, Results out) {
        Figure stated = figure(root, prefix, rule.stated()).in("percent");
        if (stated.value() == null) {
            return; // no rate stated: nothing to check
        }
        Figure numerator = figure(root, prefix, rule.numerator()).in(OPERAND_UNIT);
        Figure denominator = figure(root, prefix, rule.denominator()).in(OPERAND_UNIT);
        List<Figure> all = List.of(stated, numerator, denominator);
        List<Figure> missing = all.stream().filter(f -> f.value() == null).toList();
        if (!missing.isEmpty()) {
            out.unchecked(rule, subject, missing);
            return;
        }
        if (denominator.value().signum() == 0) {
            out.unchecked(rule, subject, List.of(denominator.zero()));
            return;
        }
        BigDecimal exact = numerator.value().multiply(HUNDRED).divide(denominator.value(), MathContext.DECIMAL128);
        BigDecimal tolerance = rule.tolerance() != null ? rule.tolerance()
                : Precision.rate(stated.value(), exact, numerator.value(), denominator.value());
        if (stated.value().subtract(exact).abs().compareTo(tolerance) > 0) {
            BigDecimal computed = exact.setScale(2, RoundingMode.HALF_UP);
            out.add(finding(rule, rule.severity(), subject, all, computed, stated.value(),
                    stated.value().subtract(computed),
                    "%s 填报 %s，按 %s %s ÷ %s %s 计算应为 %s".formatted(stated.label(),
                            Figures.format(stated.value(), "percent"), numerator.label(),
                            Figures.format(numerator.value(), OPERAND_UNIT), denominator.label(),
                            Figures.format(denominator.value(), OPERAND_UNIT), Figures.format(computed, "percent"))));
        }
    }

    private void atMost(Rule rule, JsonNode root, String prefix, String subject, Results out) {
        Figure value = figure(root, prefix, rule.value());
        Figure limit = figure(root, prefix, rule.limit());
        List<Figure> all = List.of(value, limit);
        if (value.value() == null && limit.value() == null) {
            return;
        }
        if (value.value() == null || limit.value() == null) {
            out.unchecked(rule, subject, all.stream().filter(f -> f.value() == null).toList());
            return;
        }
        BigDecimal difference = value.value().subtract(limit.value());
        if (difference.compareTo(tolerance(rule, all)) > 0) {
            out.add(finding(rule, rule.severity(), subject, all, limit.value(), value.value(), difference,
                    "%s %s 超过 %s %s，超出 %s".formatted(value.label(), Figures.format(value.value(), rule.unit()),
                            limit.label(), Figures.format(limit.value(), rule.unit()),
                            Figures.format(difference, rule.unit()))));
        }
    }

    Figure figure(JsonNode root, String prefix, String path) {
        List<Located> found = JsonPaths.resolve(root, path);
        BigDecimal value = found.isEmpty() ? null : JsonPaths.decimal(found.get(0).node());
        return new Figure(prefix + path, rules.label(prefix + path), value);
    }

    /** The rule's own tolerance, else what rounding the stated figures to their precision may add up to. */
    static BigDecimal tolerance(Rule rule, List<Figure> figures) {
        if (rule.tolerance() != null) {
            return rule.tolerance();
        }
        return Precision.rounding(figures.stream().map(Figure::value).filter(v -> v != null).toList(), rule.unit());
    }

    static Finding finding(Rule rule, Severity severity, String subject, List<Figure> figures,
            BigDecimal expected, BigDecimal stated, BigDecimal difference, String message) {
        String where = subject == null ? "" : "（" + subject + "）";
        return new Finding(rule.id(), severity, rule.title(), message + where, refs(figures, rule.unit()), expected,
                stated, difference, rule.unit(), subject);
    }

    static List<FigureRef> refs(List<Figure> figures, String unit) {
        return figures.stream()
                .map(f -> new FigureRef(f.path(), f.label(), f.value(), f.unit() == null ? unit : f.unit()))
                .toList();
    }

    /** A figure of the document; {@code unit} null means the rule's unit. */
    record Figure(String path, String label, BigDecimal value, String unit, boolean isZero) {

        Figure(String path, String label, BigDecimal value) {
            this(path, label, value, null, false);
        }

        Figure in(String otherUnit) {
            return new Figure(path, label, value, otherUnit, isZero);
        }

        Figure labelled(String otherLabel) {
            return new Figure(path, otherLabel, value, unit, isZero);
        }

        Figure zero() {
            return new Figure(path, label, value, unit, true);
        }

        String why() {
            return isZero ? label + "为零" : "未填报" + label;
        }
    }

    /** A node found at a concrete path ({@code items[2].amount}). */
    record Located(String path, JsonNode node) {
    }
}
