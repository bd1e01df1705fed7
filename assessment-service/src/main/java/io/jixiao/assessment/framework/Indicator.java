package io.jixiao.assessment.framework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An indicator of the tree. A leaf has a weight (分值), a measure (how its value is obtained), an optional default
 * target and a scoring rule; a parent's weight is the sum of its children's.
 */
public record Indicator(
        @Schema(description = "指标编码：如 2.1.3，下级编码以上级编码开头。") String code,
        @Schema(description = "指标名称：如 支付进度率。") String name,
        @Schema(description = "分值（权重，分）：末级指标必填。") BigDecimal weight,
        @Schema(description = "度量方式：末级指标必填。") Measure measure,
        @Schema(description = "默认目标（指标值）；单位可在自评填报中设定自己的目标。") Target target,
        @Schema(description = "评分规则：末级指标必填。") RuleSpec rule,
        @Schema(description = "指标解释：如计算公式的文字表述。") String description,
        @Schema(description = "下级指标；末级指标为空。") List<Indicator> children) {

    /**
     * How an indicator's value is obtained: {@code formula} over facts (with the facts it reads listed in
     * {@code inputs}, e.g. {@code budget.expenditure.total}), or {@code manual} (the unit states the value with
     * evidence), {@code rating} (达成/部分达成/未达成 with evidence), {@code checklist}, {@code violations}.
     */
    public record Measure(
            @Schema(description = "类型：formula 按公式从预算、人员、资产数据计算，manual 单位填报实际完成值，rating 定性评价，"
                    + "checklist 逐项计分，violations 违规扣分，unitIndicators 由单位设定个性指标（分值合计为该指标权重，"
                    + "各项按该指标的评分规则计分）。")
            String type,
            @Schema(description = "计算公式（formula 类型）：如 budget.expenditure.total / budget.revenue.allocatedTotal * 100。")
            String formula,
            @Schema(description = "公式用到的数据：如 budget.expenditure.total。") List<String> inputs,
            @Schema(description = "度量单位：如 %。") String unit) {
    }

    /** A default target: operator (=, ≥, ≤ written {@code =}, {@code >=}, {@code <=}) and value; units may set their own. */
    public record Target(
            @Schema(description = "比较方式：= 等于，>= 不低于，<= 不高于。") String operator,
            @Schema(description = "目标值：按度量单位计（百分比指标 95 表示 95%）。") BigDecimal value) {
    }

    /** A scoring rule: its type and parameters (see {@code io.jixiao.assessment.scoring.ScoringRules}). */
    public record RuleSpec(
            @Schema(description = "规则类型：如 proportional 按完成比例，threshold 超出目标按百分点扣分，bands 分档，rate 按执行率，"
                    + "checklist 逐项计分，deduction 按违规扣分，qualitative 定性分档。")
            String type,
            @Schema(description = "规则参数：如 perPoint 每百分点扣分，perViolation 每项违规扣分，cap 上限，bands 分档，items 逐项计分的各项。")
            Map<String, Object> params) {
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
