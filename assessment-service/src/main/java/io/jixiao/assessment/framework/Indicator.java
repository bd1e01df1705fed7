package io.jixiao.assessment.framework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An indicator of the tree. A leaf has a weight (分值), a measure (how its value is obtained), an optional default
 * target and a scoring rule; a parent's weight is the sum of its children's.
 */
public record Indicator(String code, String name, BigDecimal weight, Measure measure, Target target, RuleSpec rule,
        String description, List<Indicator> children) {

    /**
     * How an indicator's value is obtained: {@code formula} over facts (with the facts it reads listed in
     * {@code inputs}, e.g. {@code budget.expenditure.total}), or {@code manual} (the unit states the value with
     * evidence), {@code rating} (达成/部分达成/未达成 with evidence), {@code checklist}, {@code violations}.
     */
    public record Measure(String type, String formula, List<String> inputs, String unit) {
    }

    /** A default target: operator (=, ≥, ≤ written {@code =}, {@code >=}, {@code <=}) and value; units may set their own. */
    public record Target(String operator, BigDecimal value) {
    }

    /** A scoring rule: its type and parameters (see {@code io.jixiao.assessment.scoring.ScoringRules}). */
    public record RuleSpec(String type, Map<String, Object> params) {
    }

    @JsonIgnore
    public boolean isLeaf() {
        return children == null || children.isEmpty();
    }

    /** The weight, summed from the children for a parent. */
    public BigDecimal totalWeight() {
        if (isLeaf()) {
            return weight;
        }
        return children.stream().map(Indicator::totalWeight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int level() {
        return code.split("\\.").length;
    }

    void collect(List<Indicator> out) {
        out.add(this);
        if (children != null) {
            for (Indicator c : children) {
                if (!c.code().startsWith(code + ".")) {
                    throw new IllegalArgumentException("indicator " + c.code() + " must be numbered under " + code);
                }
                c.collect(out);
            }
        }
    }

    void check() {
        if (code == null || !code.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("indicator code must be 1, 1.2 or 1.2.3: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("indicator " + code + " has no name");
        }
        if (isLeaf()) {
            if (weight == null || weight.signum() <= 0) {
                throw new IllegalArgumentException("leaf indicator " + code + " needs a positive weight");
            }
            if (measure == null || measure.type() == null) {
                throw new IllegalArgumentException("leaf indicator " + code + " needs a measure");
            }
            if ("formula".equals(measure.type()) && (measure.formula() == null || measure.inputs() == null)) {
                throw new IllegalArgumentException("indicator " + code + ": a formula measure lists its inputs");
            }
            if (rule == null || rule.type() == null) {
                throw new IllegalArgumentException("leaf indicator " + code + " needs a scoring rule");
            }
        } else if (weight != null && weight.compareTo(totalWeight()) != 0) {
            throw new IllegalArgumentException("indicator " + code + " weighs " + weight + " but its children "
                    + totalWeight());
        }
    }
}
