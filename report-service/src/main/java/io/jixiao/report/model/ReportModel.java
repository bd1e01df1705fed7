package io.jixiao.report.model;

import io.jixiao.commons.api.Finding;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit-year's self-evaluation report (部门整体支出绩效自评报告) as assembled from the figures and the narratives,
 * in the seed document's structure; every format (HTML, DOCX, PDF, JSON) renders this model. The internal variant
 * (for the unit and finance) carries the findings; the public one leaves them out.
 *
 * @param unitCode   the unit's code
 * @param fiscalYear the fiscal year reported on
 * @param variant    internal or public
 * @param unitName   the unit's full name
 * @param title      e.g. 自治区党委网信办整体支出绩效自评报告
 * @param yearLine   e.g. （2024年度）
 * @param addressee  e.g. 自治区财政厅
 * @param opening    the opening paragraph (根据《…通知》要求 …)
 * @param body       the report's headings and paragraphs, in order
 * @param annex      the self-evaluation table (部门整体支出绩效自评表)
 * @param findings   every finding (internal variant only; empty in the public one)
 * @param figures    every figure the report states, with its value and the event it came from
 * @param sources    the snapshots the report was assembled from
 * @param basis      the versions of the figures the report shows and of those its scores rest on, and what differs
 */
@TemplateData
public record ReportModel(
        @Schema(description = "单位编码。") String unitCode,
        @Schema(description = "预算年度。") int fiscalYear,
        @Schema(description = "版本类别：INTERNAL 内部版本（附核对问题和系统计算得分），PUBLIC 公开版本。") Variant variant,
        @Schema(description = "单位全称。") String unitName,
        @Schema(description = "标题：如 自治区党委网信办整体支出绩效自评报告。") String title,
        @Schema(description = "年度行：如（2024年度）。") String yearLine,
        @Schema(description = "报送对象（抬头）：如 自治区财政厅。") String addressee,
        @Schema(description = "开头段：根据《…》要求，…现反馈如下。") String opening,
        @Schema(description = "正文：各级标题和段落，按顺序。") List<Block> body,
        @Schema(description = "附表：部门整体支出绩效自评表。") ScoreTable annex,
        @Schema(description = "核对问题：仅内部版本有，公开版本为空列表。") List<ReportFinding> findings,
        @Schema(description = "报告中的每个数字：数值、单位、印出形式及来源。") List<Figure> figures,
        @Schema(description = "组装报告所用的各项数据（快照）。") List<Source> sources,
        @Schema(description = "报告所示数字与评分所依据数字的版本，及两者的差异。") DataBasis basis) {

    /** The rule ids of ERROR findings neither corrected nor explained: what blocks the report's submission. */
    public List<String> blockingRuleIds() {
        return findings.stream().filter(ReportFinding::blocking).map(ReportFinding::ruleId).distinct().toList();
    }

    /** Who the report is for. */
    public enum Variant {
        /** for the unit and finance: with findings and the computed total */
        INTERNAL,
        /** published: without findings */
        PUBLIC
    }

    /** The kind of a block, mapped to Word styles and HTML elements. */
    public enum BlockStyle {
        /** 一、… (Heading 1 / h2) */
        HEADING_1,
        /** （一）… (Heading 2 / h3) */
        HEADING_2,
        /** 1.… (Heading 3 / h4) */
        HEADING_3,
        /** a paragraph, optionally led by a run-in heading such as 1.预算收入。 */
        PARAGRAPH
    }

    /**
     * A heading or paragraph.
     *
     * @param style  what it is
     * @param lead   a run-in heading printed in bold before the text (e.g. 1.预算收入。), or null
     * @param text   the text
     * @param missing true when the text stands for a section not filled in (「（未填报）」)
     */
    @TemplateData
    public record Block(
            @Schema(description = "类别：HEADING_1 一级标题，HEADING_2 二级标题，HEADING_3 三级标题，PARAGRAPH 段落。")
            BlockStyle style,
            @Schema(description = "段首标题：加粗印在正文前，如 1.预算收入。；没有时为空。") String lead,
            @Schema(description = "文字。") String text,
            @Schema(description = "是否为未填报的节：true 时文字为“（未填报）”。") boolean missing) {

        public static Block h1(String text) {
            return new Block(BlockStyle.HEADING_1, null, text, false);
        }

        public static Block h2(String text) {
            return new Block(BlockStyle.HEADING_2, null, text, false);
        }

        public static Block h3(String text) {
            return new Block(BlockStyle.HEADING_3, null, text, false);
        }

        public static Block p(String text) {
            return new Block(BlockStyle.PARAGRAPH, null, text, false);
        }

        /** 1, 2 or 3 for a heading, 0 for a paragraph. */
        public int headingLevel() {
            return switch (style) {
                case HEADING_1 -> 1;
                case HEADING_2 -> 2;
                case HEADING_3 -> 3;
                case PARAGRAPH -> 0;
            };
        }
    }

    /**
     * The self-evaluation table.
     *
     * @param available     false when no score snapshot has arrived yet
     * @param framework     the framework's name and version, e.g. 部门整体支出绩效评价共性指标体系 v1
     * @param rows          the indicator tree, parents before children
     * @param weightTotal   the sum of the 一级 indicators' weights
     * @param computedTotal the total computed by assessment-service
     * @param declaredTotal the total the unit declared
     * @param grade         the grade of the computed total
     * @param unavailable   why there is no table (no score yet, or not scored and why), null when available
     */
    @TemplateData
    public record ScoreTable(
            @Schema(description = "是否有自评表：尚未收到评分结果时为 false。") boolean available,
            @Schema(description = "指标体系名称及版本：如 部门整体支出绩效评价共性指标体系 v1。") String framework,
            @Schema(description = "各行：指标树，上级在下级之前。") List<ScoreRow> rows,
            @Schema(description = "分值合计：一级指标分值之和。") String weightTotal,
            @Schema(description = "系统计算总分。") String computedTotal,
            @Schema(description = "自评总分（申报）。") String declaredTotal,
            @Schema(description = "计算总分的等级：优/良/中/差。") String grade,
            @Schema(description = "没有自评表的原因（尚未评分及原因）；有表时为空。") String unavailable) {
    }

    /**
     * What the report rests on.
     *
     * @param statement the versions of the figures shown and of those the scores rest on, in words
     * @param pending   each kind of figure whose shown version the scores do not rest on yet (or why there are no
     *                  scores); empty when the report and its scores agree. A report with something pending is not
     *                  submitted.
     */
    @TemplateData
    public record DataBasis(
            @Schema(description = "说明（文字）：报告所示数字的版本和评分所依据的版本。") String statement,
            @Schema(description = "评分未跟上的数据：报告所示版本尚未被评分采用的各类数据（或尚无评分的原因）；"
                    + "两者一致时为空列表。不为空时报告不能提交。")
            List<String> pending) {
    }

    /**
     * One indicator of the table; numbers are printed as the report prints them ("—" where the cell is empty).
     *
     * @param level         1, 2 or 3
     * @param score         the computed score, or 不可评 with the reason in {@code note}
     * @param declaredScore the unit's declared score
     * @param deviation     偏差原因分析及改进措施
     * @param note          how the score came about (internal), or why it could not be assessed
     */
    @TemplateData
    public record ScoreRow(
            @Schema(description = "指标编码。") String code,
            @Schema(description = "指标名称。") String name,
            @Schema(description = "指标级次：1 一级，2 二级，3 三级。") int level,
            @Schema(description = "目标（指标值）：如 ≥95%。") String target,
            @Schema(description = "实际完成值：如 96.04%。") String actual,
            @Schema(description = "分值。") String weight,
            @Schema(description = "得分：计算得分，不可评价时为“不可评”，原因见 note。") String score,
            @Schema(description = "自评得分（申报）。") String declaredScore,
            @Schema(description = "偏差原因分析及改进措施。") String deviation,
            @Schema(description = "是否可评价。") boolean assessable,
            @Schema(description = "得分说明（内部版本），或不可评价的原因。") String note) {
    }

    /**
     * A finding as the report lists it: the upstream finding, the service it came from, and the unit's explanation.
     *
     * @param origin      budget, personnel, assets, scores, or report (figures the report found missing)
     * @param explanation the unit's explanation, if any
     * @param blocking    an ERROR that is not explained: blocks submission
     */
    @TemplateData
    public record ReportFinding(
            @Schema(description = "来源：budget 预算，personnel 人员，assets 资产，scores 评分，report 报告自身（如缺失的数字）。")
            String origin,
            @Schema(description = "核对规则编码。") String ruleId,
            @Schema(description = "级别：ERROR 错误，WARNING 警告，INFO 提示。") String severity,
            @Schema(description = "规则的文字表述。") String title,
            @Schema(description = "本次问题的文字说明。") String message,
            @Schema(description = "涉及的各个数字。") List<Finding.FigureRef> figures,
            @Schema(description = "应有值（以 unit 计）；无法核对时为空。") BigDecimal expected,
            @Schema(description = "填报值（以 unit 计）；无法核对时为空。") BigDecimal stated,
            @Schema(description = "差额 = 填报值 − 应有值；无法核对时为空。") BigDecimal difference,
            @Schema(description = "单位：yuan 元，persons 人，percent 百分比，points 分。") String unit,
            @Schema(description = "逐项规则所指的项；其他规则为空。") String subject,
            @Schema(description = "单位的情况说明；没有时为空。") String explanation,
            @Schema(description = "是否阻止提交：既未更正也未说明的错误级问题。") boolean blocking) {
    }

    /**
     * A figure the report states.
     *
     * @param key     where it comes from, e.g. {@code budget.revenue.allocatedTotal}
     * @param label   its name, e.g. 财政下达资金指标
     * @param value   the value in its unit (yuan, persons, percent, points), null when missing or not disclosed
     * @param unit    {@code yuan}, {@code persons}, {@code count}, {@code percent} or {@code points}
     * @param printed as the report prints it, e.g. 19531.57万元, or {@code *}
     * @param status  STATED, MISSING or NOT_DISCLOSED
     * @param origin  the snapshot kind it comes from (budget, personnel, assets, scores, units)
     */
    @TemplateData
    public record Figure(
            @Schema(description = "来源位置：如 budget.revenue.allocatedTotal。") String key,
            @Schema(description = "名称：如 财政下达资金指标。") String label,
            @Schema(description = "数值：以 unit 计（金额为元）；缺失或不公开时为空。") BigDecimal value,
            @Schema(description = "单位：yuan 元，persons 人，count 个，percent 百分比，points 分。") String unit,
            @Schema(description = "印出形式：如 19531.57万元，不公开时为 *。") String printed,
            @Schema(description = "状态：STATED 已填报，DERIVED 由其他数字推算，MISSING 缺失，NOT_DISCLOSED 不公开。") String status,
            @Schema(description = "来源数据：budget、personnel、assets、scores 或 units。") String origin) {
    }

    /** A snapshot the report used: kind, version, event id, the system it came from, and when it changed. */
    @TemplateData
    public record Source(
            @Schema(description = "数据类别：如 budget、personnel、assets、scores、units。") String kind,
            @Schema(description = "版本号。") long version,
            @Schema(description = "事件编号。") String eventId,
            @Schema(description = "来源系统。") String system,
            @Schema(description = "变更人。") String actor,
            @Schema(description = "变更时间。") String occurredAt) {
    }
}
