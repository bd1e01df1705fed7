package io.jixiao.commons.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.commons.printing.Figures;
import io.jixiao.events.findings.Finding.FigureRef;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Applies a {@link RuleSet} to a document's JSON and returns its findings (DESIGN §6). Figures are read exactly as
 * decimals; a contradiction becomes a finding with the figures involved, what was expected, what was stated and
 * the difference; a check whose figures are partly missing becomes an {@code INFO} finding saying which; a check
 * whose figures are all absent says nothing.
 */
public final class Reconciler {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HALF_WAN = BigDecimal.valueOf(50);
    /** What a rate rule divides: amounts (a stated rate is 支出 ÷ 预算). */
    private static final String OPERAND_UNIT = "yuan";

    private final RuleSet rules;

    public Reconciler(RuleSet rules) {
        this.rules = rules;
    }

    public RuleSet rules() {
        return rules;
    }

    public List<Finding> check(JsonNode document) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (rule.forEach() == null) {
                check(rule, document, "", null, findings);
            } else {
                List<Located> elements = JsonPaths.resolve(document, rule.forEach());
                for (Located element : elements) {
                    check(rule, element.node(), element.path() + ".", element.path(), findings);
                }
            }
        }
        return findings;
    }

    private void check(Rule rule, JsonNode root, String prefix, String subject, List<Finding> out) {
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

    private void sum(Rule rule, JsonNode root, String prefix, String subject, List<Finding> out) {
        Figure total = figure(root, prefix, rule.total());
        List<Figure> terms = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        for (String term : rule.terms()) {
            int sign = term.startsWith("-") ? -1 : 1;
            String path = term.startsWith("-") || term.startsWith("+") ? term.substring(1) : term;
            terms.add(figure(root, prefix, path));
            signs.add(sign);
        }
        List<Figure> all = new ArrayList<>(terms);
        all.add(0, total);
        if (notCheckable(rule, all, subject, out)) {
            return;
        }
        BigDecimal expected = BigDecimal.ZERO;
        StringBuilder formula = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            expected = expected.add(terms.get(i).value().multiply(BigDecimal.valueOf(signs.get(i))));
            formula.append(i == 0 ? (signs.get(i) < 0 ? "− " : "") : signs.get(i) < 0 ? " − " : " + ")
                    .append(terms.get(i).label()).append(' ').append(Figures.format(terms.get(i).value(), rule.unit()));
        }
        BigDecimal difference = total.value().subtract(expected);
        if (difference.abs().compareTo(tolerance(rule, all.size())) > 0) {
            out.add(finding(rule, rule.severity(), subject, all, expected, total.value(), difference,
                    "%s %s，而 %s = %s，相差 %s".formatted(total.label(), Figures.format(total.value(), rule.unit()),
                            formula, Figures.format(expected, rule.unit()), Figures.format(difference, rule.unit()))));
        }
    }

    private void breakdown(Rule rule, JsonNode root, String prefix, String subject, List<Finding> out) {
        List<Figure> items = new ArrayList<>();
        for (Located item : JsonPaths.resolve(root, rule.items())) {
            items.add(new Figure(prefix + item.path(), rules.label(prefix + item.path()), JsonPaths.decimal(item.node())));
        }
        if (items.isEmpty()) {
            return; // no 其中 list given: nothing to hold against the total
        }
        Figure total = figure(root, prefix, rule.total());
        List<Figure> all = new ArrayList<>(items);
        all.add(0, total);
        if (notCheckable(rule, all, subject, out)) {
            return;
        }
        BigDecimal explained = items.stream().map(Figure::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = total.value().subtract(explained);
        BigDecimal tolerance = tolerance(rule, all.size());
        String unit = rule.unit();
        if (difference.negate().compareTo(tolerance) > 0) {
            out.add(finding(rule, rule.severity(), subject, all, explained, total.value(), difference,
                    "其中各项合计 %s，超过 %s %s，超出 %s".formatted(Figures.format(explained, unit), total.label(),
                            Figures.format(total.value(), unit), Figures.format(difference.negate(), unit))));
        } else if (difference.compareTo(tolerance) > 0 && !"none".equals(rule.partial())) {
            Severity partial = rule.partial() == null ? Severity.WARNING : Severity.valueOf(rule.partial().toUpperCase());
            out.add(finding(rule, partial, subject, all, explained, total.value(), difference,
                    "其中各项合计 %s，%s %s 中有 %s 未列明".formatted(Figures.format(explained, unit), total.label(),
                            Figures.format(total.value(), unit), Figures.format(difference, unit))));
        }
    }

    private void rate(Rule rule, JsonNode root, String prefix, String subject, List<Finding> out) {
        Figure stated = figure(root, prefix, rule.stated()).in("percent");
        if (stated.value() == null) {
            return; // no rate stated: nothing to check
        }
        Figure numerator = figure(root, prefix, rule.numerator()).in(OPERAND_UNIT);
        Figure denominator = figure(root, prefix, rule.denominator()).in(OPERAND_UNIT);
        List<Figure> all = List.of(stated, numerator, denominator);
        if (notCheckable(rule, all, subject, out)) {
            return;
        }
        if (denominator.value().signum() == 0) {
            out.add(finding(rule, Severity.INFO, subject, all, null, stated.value(), null,
                    "无法核对：%s 为零".formatted(denominator.label())));
            return;
        }
        BigDecimal computed = numerator.value().multiply(HUNDRED)
                .divide(denominator.value(), MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
        BigDecimal difference = stated.value().subtract(computed);
        if (difference.abs().compareTo(tolerance(rule, 0)) > 0) {
            out.add(finding(rule, rule.severity(), subject, all, computed, stated.value(), difference,
                    "%s 填报 %s，按 %s %s ÷ %s %s 计算应为 %s".formatted(stated.label(),
                            Figures.format(stated.value(), "percent"), numerator.label(),
                            Figures.format(numerator.value(), OPERAND_UNIT), denominator.label(),
                            Figures.format(denominator.value(), OPERAND_UNIT), Figures.format(computed, "percent"))));
        }
    }

    private void atMost(Rule rule, JsonNode root, String prefix, String subject, List<Finding> out) {
        Figure value = figure(root, prefix, rule.value());
        Figure limit = figure(root, prefix, rule.limit());
        List<Figure> all = List.of(value, limit);
        if (value.value() == null || limit.value() == null) {
            return; // a limit not given (e.g. no 编制 stated) is not a contradiction
        }
        BigDecimal difference = value.value().subtract(limit.value());
        if (difference.compareTo(tolerance(rule, 0)) > 0) {
            out.add(finding(rule, rule.severity(), subject, all, limit.value(), value.value(), difference,
                    "%s %s 超过 %s %s，超出 %s".formatted(value.label(), Figures.format(value.value(), rule.unit()),
                            limit.label(), Figures.format(limit.value(), rule.unit()),
                            Figures.format(difference, rule.unit()))));
        }
    }

    /** Adds an INFO finding and returns true when some (not all) figures are missing; true also when all are. */
    private boolean notCheckable(Rule rule, List<Figure> figures, String subject, List<Finding> out) {
        List<Figure> missing = figures.stream().filter(f -> f.value() == null).toList();
        if (missing.isEmpty()) {
            return false;
        }
        if (missing.size() < figures.size()) {
            out.add(finding(rule, Severity.INFO, subject, figures, null, null, null, "无法核对，缺少：" + missing.stream()
                    .map(Figure::label).collect(Collectors.joining("、"))));
        }
        return true;
    }

    private Figure figure(JsonNode root, String prefix, String path) {
        List<Located> found = JsonPaths.resolve(root, path);
        BigDecimal value = found.isEmpty() ? null : JsonPaths.decimal(found.get(0).node());
        return new Figure(prefix + path, rules.label(prefix + path), value);
    }

    private BigDecimal tolerance(Rule rule, int figures) {
        if (rule.tolerance() != null) {
            return rule.tolerance();
        }
        return switch (rule.unit()) {
            case "yuan" -> HALF_WAN.multiply(BigDecimal.valueOf(Math.max(2, figures)));
            case "percent" -> new BigDecimal("0.01");
            default -> BigDecimal.ZERO;
        };
    }

    private Finding finding(Rule rule, Severity severity, String subject, List<Figure> figures, BigDecimal expected,
            BigDecimal stated, BigDecimal difference, String message) {
        List<FigureRef> refs = figures.stream()
                .map(f -> new FigureRef(f.path(), f.label(), f.value(), f.unit() == null ? rule.unit() : f.unit()))
                .toList();
        String where = subject == null ? "" : "（" + subject + "）";
        return new Finding(rule.id(), severity, rule.title(), message + where, refs, expected, stated, difference,
                rule.unit(), subject);
    }

    /** A figure of the document; {@code unit} null means the rule's unit. */
    private record Figure(String path, String label, BigDecimal value, String unit) {

        Figure(String path, String label, BigDecimal value) {
            this(path, label, value, null);
        }

        Figure in(String otherUnit) {
            return new Figure(path, label, value, otherUnit);
        }
    }

    /** A node found at a concrete path ({@code items[2].amount}). */
    record Located(String path, JsonNode node) {
    }
}
