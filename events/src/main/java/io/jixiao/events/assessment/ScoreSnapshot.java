package io.jixiao.events.assessment;

import io.jixiao.events.findings.Finding;
import java.math.BigDecimal;
import java.util.List;

/**
 * A unit-year's self-evaluation as assessment-service computed it against an indicator framework (部门整体支出绩效
 * 自评表): every indicator with its value, score and explanation, the total and grade, the unit's declared scores
 * beside them, and the findings where the declaration exceeds the evidence. Topic
 * {@link io.jixiao.events.Topics#SCORES}, keyed {@code unitCode:fiscalYear}.
 *
 * @param status        whether the unit-year could be scored: {@link Status#SCORED}, {@link Status#INCOMPLETE} (scored
 *                      on what is evidenced, below the framework's coverage threshold: no grade), or why not yet (null
 *                      in events from before the status existed: scored)
 * @param statusReason  why the unit-year is not scored yet, in words (null when scored)
 * @param basis         the versions of the facts and statement the scores rest on
 * @param framework     the framework's id and version the scores were computed with (null when not scored)
 * @param total         the computed total over assessable indicators (0–100; null when not scored): the points earned
 *                      so far when incomplete
 * @param grade         优/良/中/差 by the framework's grade bands; null unless the coverage reaches the threshold
 * @param declaredTotal the total the unit declared in its own self-evaluation table (e.g. 95), if any
 * @param indicators    the indicator tree, parents before children
 * @param findings      declared-above-computed findings (rule ids {@code ASSESS-…})
 * @param warnings      monitoring warnings (双监控) at the time of scoring
 * @param coverage      how much of the framework the scores rest on, and what is missing from whom (null when not
 *                      scored, and in events from before coverage existed)
 */
public record ScoreSnapshot(String unitCode, int fiscalYear, Status status, String statusReason, Basis basis,
        FrameworkRef framework, BigDecimal total, String grade, BigDecimal declaredTotal,
        List<IndicatorResult> indicators, List<Finding> findings, List<Warning> warnings, Coverage coverage) {

    public static final String TYPE = "score.snapshot";

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

    /** True when the snapshot carries scores, complete or not (events from before the status existed always did). */
    public boolean scored() {
        return status == null || status == Status.SCORED || status == Status.INCOMPLETE;
    }

    /**
     * How much a result rests on: the weight of the indicators assessed against the framework's total weight.
     *
     * @param assessedWeight the weights (分值) of the indicators that could be assessed
     * @param totalWeight    the framework's total weight (100)
     * @param percent        assessed ÷ total × 100, to two decimals
     * @param threshold      the percentage from which a grade and a rank are given (the framework's; 100 by default)
     * @param complete       percent ≥ threshold
     * @param missing        every indicator not assessed, with what it lacks and who must supply it
     */
    public record Coverage(BigDecimal assessedWeight, BigDecimal totalWeight, BigDecimal percent, BigDecimal threshold,
            boolean complete, List<Missing> missing) {
    }

    /**
     * An indicator not assessed yet.
     *
     * @param indicator the indicator's code, e.g. {@code 1.2.1}
     * @param name      its name, e.g. 在职人员控制率
     * @param weight    its weight (分值)
     * @param reason    what it lacks, in words
     * @param from      who must supply it: 单位（自评表）, 预算收支及执行, 人员情况, 资产情况, or 上年数据
     */
    public record Missing(String indicator, String name, BigDecimal weight, String reason, String from) {
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
    public record Basis(Long budget, Long staff, Long assets, Long evaluation, Long previousBudget, Long previousStaff,
            Long previousAssets) {
    }

    /** Which framework version scored this. */
    public record FrameworkRef(String id, int version, String name) {
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
     * @param own               true for an indicator the unit set itself (个性指标) under a framework heading that takes
     *                          them; such a heading counts as one indicator of the framework (null in older events)
     */
    public record IndicatorResult(String code, String name, int level, String parentCode, BigDecimal weight,
            String target, String actual, BigDecimal actualValue, BigDecimal score, BigDecimal declaredScore,
            boolean assessable, String notAssessableReason, String formula, List<Input> inputs, String rule,
            BigDecimal deduction, String explanation, String deviation, Boolean own) {

        /** An indicator of the framework's own (not one the unit set under a heading). */
        public boolean ofFramework() {
            return !Boolean.TRUE.equals(own);
        }
    }

    /** A fact a measure used: its name, value, and where it came from (service, version of the aggregate). */
    public record Input(String name, BigDecimal value, String source, long version) {
    }

    /** A monitoring warning (双监控), e.g. execution behind the calendar. */
    public record Warning(String code, String level, String message) {
    }
}
