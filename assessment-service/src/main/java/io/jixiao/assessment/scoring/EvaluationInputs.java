package io.jixiao.assessment.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a unit states for its self-evaluation of a year (自评): performance targets (绩效目标) and actual values of the
 * indicators measured by hand, qualitative ratings, checklist answers and violations, each with evidence; its own
 * self-evaluation table (declared scores and total) and the deviation explanations (偏差原因分析及改进措施).
 */
public record EvaluationInputs(
        @Schema(description = "绩效目标（指标值）：逐项指标的年初指标值和调整后指标值，取代指标体系的默认目标。"
                + "未填报的指标按指标体系的默认目标评分。")
        @Size(max = 300) List<@NotNull @Valid TargetValue> targets,
        @Schema(description = "实际完成值：由单位填报（度量方式 manual）的指标的实际完成值及佐证材料，如支付进度率、实际完成率、"
                + "社会公众或服务对象满意度。未填报的指标不可评价（计0分），不视为零值。")
        @Size(max = 300) List<@NotNull @Valid ActualValue> actuals,
        @Schema(description = "定性评价：定性指标（度量方式 rating，如绩效目标合理性、管理制度健全性）的自评等级及佐证材料。"
                + "未填报的指标不可评价（计0分）。")
        @Size(max = 300) List<@NotNull @Valid RatingValue> ratings,
        @Schema(description = "逐项计分：逐项计分指标（度量方式 checklist，如预决算信息公开性）已达到的各项。"
                + "未填报的指标不可评价（计0分）。")
        @Size(max = 300) List<@NotNull @Valid ChecklistValue> checklists,
        @Schema(description = "违规情况：违规扣分指标（度量方式 violations，如资金使用合规性）发现的违规项数及佐证材料。"
                + "未填报的指标不可评价（计0分），不视为没有违规。")
        @Size(max = 300) List<@NotNull @Valid ViolationValue> violations,
        @Schema(description = "自评得分（申报）：单位自评表中的自评总分及各指标自评得分，与依据支持的得分对照。未填报表示未申报。")
        @Valid Declaration declared,
        @Schema(description = "偏差原因分析及改进措施：逐项指标的说明，列入自评表。未填报表示未说明。")
        @Size(max = 300) List<@NotNull @Valid Deviation> deviations,
        @Schema(description = "个性指标：单位在指标体系中度量方式为 unitIndicators 的指标（如 产出、效益、满意度指标）"
                + "下自行设定的指标，各带指标性质、度量单位、年初指标值、调整指标值、实际完成值、分值、自评得分和偏差原因，"
                + "按该指标的评分规则计分。未填报表示未设定（该指标不可评价）。")
        @Size(max = 300) List<@NotNull @Valid UnitIndicator> unitIndicators) {

    static final String CODE = "^\\d+(\\.\\d+){0,2}$";

    /** 绩效目标: an indicator's target as set at the start of the year (年初指标值), and as adjusted. */
    public record TargetValue(
            @Schema(description = "指标编码：指标体系中的编码，如 1.2.1（在职人员控制率）。必填。")
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @Schema(description = "指标值比较方式（指标性质）：= 等于，>= 不低于（≥），<= 不高于（≤）。必填。")
            @NotNull @Pattern(regexp = "^(=|>=|<=)$", message = "must be =, >= or <=") String operator,
            @Schema(description = "度量单位：如 %、项、人。按原样保存；评分和报告使用指标体系中该指标的度量单位。未填报表示未说明。")
            @Size(max = 20) String unitOfMeasure,
            @Schema(description = "年初指标值：年初设定的目标值，按该指标的度量单位计（百分比指标填 95 表示 95%），最多四位小数。必填。")
            @NotNull @Digits(integer = 13, fraction = 4) BigDecimal targetValue,
            @Schema(description = "调整后指标值：年中调整后的目标值，填报时评分以此为准，最多四位小数。未填报表示未调整，按年初指标值评分。")
            @Digits(integer = 13, fraction = 4) BigDecimal adjustedValue) {
    }

    /** An actual value the unit states, with its evidence. */
    public record ActualValue(
            @Schema(description = "指标编码：须为单位填报（manual）的末级指标，如 2.1.3（支付进度率）。必填。")
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @Schema(description = "实际完成值：按该指标的度量单位计（百分比指标填 98.5 表示 98.5%），最多四位小数。必填。")
            @NotNull @Digits(integer = 13, fraction = 4) BigDecimal value,
            @Schema(description = "佐证材料：数据来源或依据的说明。未填报表示未提供佐证材料。")
            @Size(max = 2000) String evidence) {
    }

    /** A qualitative self-rating with its evidence. */
    public record RatingValue(
            @Schema(description = "指标编码：须为定性评价（rating）的末级指标，如 1.1.1（绩效目标合理性）。必填。")
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @Schema(description = "自评等级：ACHIEVED 达成（得权重的80–100%），PARTIAL 部分达成（60–80%），"
                    + "NOT_ACHIEVED 未达成（0–60%）。必填。")
            @NotNull ScoringInput.Level level,
            @Schema(description = "得分比例（%）：在该等级区间内按权重的百分比计分，如 95 表示得权重的95%，超出区间按区间边界计。"
                    + "未填报按该等级下限计（达成80%，部分达成60%，未达成0%）。")
            @DecimalMin("0") @DecimalMax("100") BigDecimal percent,
            @Schema(description = "佐证材料：支持该等级的依据。必填。")
            @NotBlank @Size(max = 2000) String evidence) {
    }

    /** Which checklist items were met. */
    public record ChecklistValue(
            @Schema(description = "指标编码：须为逐项计分（checklist）的末级指标，如 2.2.3（预决算信息公开性）。必填。")
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @Schema(description = "已达到的项目编码：如 budget-published（部门预算按规定公开）、accounts-published（部门决算按规定公开）；"
                    + "未列出的项按未达到计。必填（可为空列表）。")
            @NotNull @Size(max = 50) List<@NotBlank String> itemsMet,
            @Schema(description = "佐证材料：如公开的网址或文件。未填报表示未提供佐证材料。")
            @Size(max = 2000) String evidence) {
    }

    /** How many violations were found. */
    public record ViolationValue(
            @Schema(description = "指标编码：须为违规扣分（violations）的末级指标，如 2.2.2（资金使用合规性）。必填。")
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @Schema(description = "违规项数（项）：发现的违规使用资金等情况的项数，0 表示未发现违规。必填。")
            @NotNull @PositiveOrZero Integer count,
            @Schema(description = "佐证材料：如审计、检查的结论。未填报表示未提供佐证材料。")
            @Size(max = 2000) String evidence) {
    }

    /** The unit's own self-evaluation table: its total (the seed declares 95) and per-indicator scores. */
    public record Declaration(
            @Schema(description = "自评总分（分，0–100，最多两位小数）：报告“四、绩效自评结果拟应用和公开情况”中的“自评结果为N分”；"
                    + "高于依据支持的总分时形成核对问题。未填报表示未申报，报告中显示为缺失。")
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal total,
            @Schema(description = "各指标自评得分。未填报表示未申报。")
            @Size(max = 300) List<@NotNull @Valid DeclaredScore> scores) {
    }

    /** A declared score of one indicator. */
    public record DeclaredScore(
            @Schema(description = "指标编码：指标体系中任一级指标的编码，如 2.1。必填。")
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @Schema(description = "自评得分（分，最多两位小数）：末级指标的自评得分高于依据支持的得分时形成警告。必填。")
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal score) {
    }

    /** 偏差原因分析及改进措施 of one indicator. */
    public record Deviation(
            @Schema(description = "指标编码：指标体系中的编码。必填。")
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @Schema(description = "偏差原因分析及改进措施：实际完成值偏离目标的原因和拟采取的措施，列入自评表。必填。")
            @NotBlank @Size(max = 4000) String explanation) {
    }

    /** 个性指标: an indicator of the unit's own, under a framework heading that takes them. */
    public record UnitIndicator(
            @Schema(description = "所属指标编码：指标体系中度量方式为 unitIndicators 的指标，如 2.1（产出、效益、满意度指标）。必填。")
            @NotBlank @Pattern(regexp = CODE) String under,
            @Schema(description = "一级/二级指标：如 产出指标·数量指标、产出指标·质量指标、效益指标·社会效益指标、满意度指标。"
                    + "未填报表示不分级。")
            @Size(max = 50) String category,
            @Schema(description = "三级指标（指标名称）：如 播发稿件数量。必填。")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "指标性质：= 等于，>= 不低于（≥），<= 不高于（≤）。必填。")
            @NotNull @Pattern(regexp = "^(=|>=|<=)$", message = "must be =, >= or <=") String operator,
            @Schema(description = "度量单位：如 %、篇、次、人。未填报表示无单位。")
            @Size(max = 20) String unitOfMeasure,
            @Schema(description = "年初指标值：按度量单位计（百分比指标填 95 表示 95%），最多四位小数。必填。")
            @NotNull @Digits(integer = 13, fraction = 4) BigDecimal targetValue,
            @Schema(description = "调整指标值：年中调整后的指标值，填报时评分以此为准，最多四位小数。未填报表示未调整。")
            @Digits(integer = 13, fraction = 4) BigDecimal adjustedValue,
            @Schema(description = "实际完成值：按度量单位计，最多四位小数。未填报表示尚未完成填报（该指标不可评价）。")
            @Digits(integer = 13, fraction = 4) BigDecimal actualValue,
            @Schema(description = "分值（分，最多两位小数）：同一所属指标下各个性指标的分值合计须等于该指标的权重。必填。")
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 3, fraction = 2) BigDecimal weight,
            @Schema(description = "自评得分（分，最多两位小数）：单位自评表中的得分，高于依据支持的得分时形成警告。未填报表示未申报。")
            @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal declaredScore,
            @Schema(description = "偏差原因分析及改进措施。未填报表示未说明。")
            @Size(max = 4000) String deviation,
            @Schema(description = "佐证材料：实际完成值的来源或依据。未填报表示未提供佐证材料。")
            @Size(max = 2000) String evidence) {
    }

    public static EvaluationInputs empty() {
        return new EvaluationInputs(List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of());
    }
}
