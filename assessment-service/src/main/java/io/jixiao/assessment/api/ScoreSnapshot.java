package io.jixiao.assessment.api;

import io.jixiao.commons.api.Finding;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit-year's self-evaluation as assessment-service computed it against an indicator framework (部门整体支出绩效
 * 自评表): every indicator with its value, score and explanation, the total and grade, the unit's declared scores
 * beside them, and the findings where the declaration exceeds the evidence. The API record of the contract
 * {@link io.jixiao.events.assessment.ScoreSnapshot} (topic {@code scores.snapshots}), mapped by
 * {@link io.jixiao.assessment.mapping.ScoreMapping}.
 *
 * @param status        whether the unit-year could be scored: {@link Status#SCORED}, or why not yet (null in events
 *                      from before the status existed: scored)
 * @param statusReason  why the unit-year is not scored yet, in words (null when scored)
 * @param basis         the versions of the facts and statement the scores rest on
 * @param framework     the framework's id and version the scores were computed with (null when not scored)
 * @param total         the computed total over assessable indicators (0–100; null when not scored)
 * @param grade         优/良/中/差 by the framework's grade bands, or null while nothing is assessable
 * @param declaredTotal the total the unit declared in its own self-evaluation table (e.g. 95), if any
 * @param indicators    the indicator tree, parents before children
 * @param findings      declared-above-computed findings (rule ids {@code ASSESS-…})
 * @param warnings      monitoring warnings (双监控) at the time of scoring
 */
public record ScoreSnapshot(
        @Schema(description = "单位编码。") String unitCode,
        @Schema(description = "预算年度。") int fiscalYear,
        @Schema(description = "评分状态：SCORED 已评分，INCOMPLETE 待补充（评分依据未达到指标体系的覆盖率要求，"
                + "只给出已得分数，不定等级、不排名），NO_FRAMEWORK 尚无适用于该地区和年度的指标体系，"
                + "UNIT_UNKNOWN 单位尚未从单位名录到达；为空等同已评分（早期事件）。")
        Status status,
        @Schema(description = "尚未评分的原因（文字）；已评分时为空。") String statusReason,
        @Schema(description = "评分依据的各项数据的版本。") Basis basis,
        @Schema(description = "评分所用的指标体系及版本；未评分时为空。") FrameworkRef framework,
        @Schema(description = "计算总分（分，0–100）：可评价指标得分之和，待补充时为已得分数；未评分时为空。") BigDecimal total,
        @Schema(description = "等级：优/良/中/差，按指标体系的等级标准；评分依据未达到覆盖率要求（待补充）时为空。")
        String grade,
        @Schema(description = "自评总分（申报，分）：单位在自评表中申报的总分，如 95；未申报时为空。") BigDecimal declaredTotal,
        @Schema(description = "指标树：各级指标及其结果，上级在下级之前。") List<IndicatorResult> indicators,
        @Schema(description = "核对问题：自评得分高于依据支持的得分（规则 ASSESS-…）。") List<Finding> findings,
        @Schema(description = "监控预警（双监控）：评分时的预警。") List<Warning> warnings,
        @Schema(description = "评分依据覆盖率：已核验指标的权重占指标体系总权重的比例，以及待补充的指标及应由谁提供；"
                + "未评分时为空。") Coverage coverage) {

    /** Whether a unit-year is scored; a fact that cannot be scored yet is kept and scored once it can. */
    public enum Status {
        /** scored against the framework that applies, on evidence that reaches its coverage threshold */
        SCORED,
        /** 待补充: scored on what is evidenced, below the framework's coverage threshold; no grade, no rank */
        INCOMPLETE,
        /** no framework applies to the unit's region and year yet: scored once one is loaded */
        NO_FRAMEWORK,
        /** the unit has not reached assessment-service from the units register yet: scored once it does */
        UNIT_UNKNOWN
    }

    /**
     * The version of each fact the scores rest on (null: none held), so that a report can tell whether the figures it
     * shows are the ones scored.
     *
     * @param budget            budget-service's budget snapshot of the year
     * @param staff             personnel-service's staff snapshot of the year
     * @param assets            personnel-service's asset snapshot of the year
     * @param evaluation        the unit's self-evaluation statement
     * @param previousBudget    the budget snapshot of the year before (year-on-year indicators)
     * @param previousStaff     the staff snapshot of the year before
     * @param previousAssets    the asset snapshot of the year before
     */
    public record Basis(
            @Schema(description = "本年预算收支及执行的版本（budget-service）。") Long budget,
            @Schema(description = "本年人员情况的版本（personnel-service）。") Long staff,
            @Schema(description = "本年资产情况的版本（personnel-service）。") Long assets,
            @Schema(description = "单位自评填报的版本。") Long evaluation,
            @Schema(description = "上年预算收支及执行的版本（同比指标用）。") Long previousBudget,
            @Schema(description = "上年人员情况的版本。") Long previousStaff,
            @Schema(description = "上年资产情况的版本。") Long previousAssets) {
    }

    /** Which framework version scored this. */
    public record FrameworkRef(
            @Schema(description = "指标体系编码：如 mof-2013-common。") String id,
            @Schema(description = "指标体系版本号。") int version,
            @Schema(description = "指标体系名称。") String name) {
    }

    /**
     * One indicator of the tree with its result. Leaves carry the measure and score; parents carry the sum of their
     * children's scores and weights.
     *
     * @param code              e.g. {@code 1.2.1}
     * @param level             1 (一级), 2 (二级) or 3 (三级)
     * @param parentCode        null for a 一级 indicator
     * @param weight            points the indicator is worth (分值)
     * @param target            the target as the report prints it, e.g. {@code ≥95%} (年初指标值 or 调整后)
     * @param actual            the actual value as the report prints it, e.g. {@code 96.04%}
     * @param actualValue       the actual value as a number, null when not assessable
     * @param score             the computed score, null when not assessable
     * @param declaredScore     the unit's declared score for the indicator, if given
     * @param assessable        false when an input is missing or a division by zero occurs
     * @param notAssessableReason why not, in words
     * @param formula           the measure's formula, e.g. {@code expenditure.total / revenue.allocatedTotal * 100}
     * @param inputs            every input with its value and the event it came from
     * @param rule              the scoring rule's type and parameters, in words
     * @param deduction         weight − score, with the reason in {@code explanation}
     * @param explanation       how the score came about, in words
     * @param deviation         the unit's 偏差原因分析及改进措施, if given
     */
    public record IndicatorResult(
            @Schema(description = "指标编码：如 1.2.1。") String code,
            @Schema(description = "指标名称：如 在职人员控制率。") String name,
            @Schema(description = "指标级次：1 一级，2 二级，3 三级。") int level,
            @Schema(description = "上级指标编码；一级指标为空。") String parentCode,
            @Schema(description = "分值（权重，分）；上级指标为下级分值之和。") BigDecimal weight,
            @Schema(description = "目标（指标值），按报告格式：如 ≥95%（调整后指标值，未调整时为年初指标值）；没有目标时为空。")
            String target,
            @Schema(description = "实际完成值，按报告格式：如 96.04%、达成、达到 2 项。") String actual,
            @Schema(description = "实际完成值（数值）；不可评价时为空。") BigDecimal actualValue,
            @Schema(description = "计算得分（分）；不可评价时为空。") BigDecimal score,
            @Schema(description = "自评得分（申报，分）；未申报时为空。") BigDecimal declaredScore,
            @Schema(description = "是否可评价：数据缺失或除数为零时为 false（计0分并说明原因）。") boolean assessable,
            @Schema(description = "不可评价的原因（文字）。") String notAssessableReason,
            @Schema(description = "计算公式：如 expenditure.total / revenue.allocatedTotal * 100；非公式指标为空。") String formula,
            @Schema(description = "各项输入：名称、数值及来源数据的版本。") List<Input> inputs,
            @Schema(description = "评分规则（文字）：如 定性分档：达成 80–100%，部分达成 60–80%，未达成 0–60%。") String rule,
            @Schema(description = "扣分（分）= 分值 − 得分，原因见 explanation。") BigDecimal deduction,
            @Schema(description = "得分说明（文字）。") String explanation,
            @Schema(description = "偏差原因分析及改进措施（单位填报）；未填报时为空。") String deviation,
            @Schema(description = "是否为个性指标：单位在指标体系的指标下自行设定的指标为 true；该指标体系指标（所属指标）计为一项。"
                    + "为空等同 false（早期事件）。") Boolean own) {
    }

    /** A fact a measure used: its name, value, and where it came from (service, version of the aggregate). */
    public record Input(
            @Schema(description = "数据名称：如 budget.expenditure.total。") String name,
            @Schema(description = "数值；缺失时为空。") BigDecimal value,
            @Schema(description = "来源：提供该数据的服务，或单位自评填报。") String source,
            @Schema(description = "来源数据的版本。") long version) {
    }

    /** How much a result rests on: the weight of the indicators assessed against the framework's total weight. */
    public record Coverage(
            @Schema(description = "已核验指标的权重之和（分）。") BigDecimal assessedWeight,
            @Schema(description = "指标体系总权重（分），通常为 100。") BigDecimal totalWeight,
            @Schema(description = "覆盖率（%）= 已核验权重 ÷ 总权重 × 100，保留两位小数。") BigDecimal percent,
            @Schema(description = "定等级和排名所需的覆盖率（%），由指标体系规定，默认 100。") BigDecimal threshold,
            @Schema(description = "是否达到覆盖率要求：未达到时评分结果为待补充。") boolean complete,
            @Schema(description = "待补充的指标：编码、名称、分值、所缺依据及应由谁提供。") List<Missing> missing) {
    }

    /** An indicator not assessed yet: what it lacks and who must supply it. */
    public record Missing(
            @Schema(description = "指标编码：如 1.2.1。") String indicator,
            @Schema(description = "指标名称：如 在职人员控制率。") String name,
            @Schema(description = "分值（分）。") BigDecimal weight,
            @Schema(description = "所缺依据（文字）：如 缺少：编制数。") String reason,
            @Schema(description = "应由谁提供：单位（自评表）、预算收支及执行、人员情况、资产情况或上年数据。") String from) {
    }

    /** A monitoring warning (双监控), e.g. execution behind the calendar. */
    public record Warning(
            @Schema(description = "预警编码：如 TARGET-LAGGING-EXECUTION。") String code,
            @Schema(description = "预警级别：RED 红色，YELLOW 黄色。") String level,
            @Schema(description = "预警说明（文字）。") String message) {
    }
}
