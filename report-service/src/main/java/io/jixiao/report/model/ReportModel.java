package io.jixiao.report.model;

import io.jixiao.events.findings.Finding;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.util.List;

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
        String unitCode,
        int fiscalYear,
        Variant variant,
        String unitName,
        String title,
        String yearLine,
        String addressee,
        String opening,
        List<Block> body,
        ScoreTable annex,
        List<ReportFinding> findings,
        List<Figure> figures,
        List<Source> sources,
        DataBasis basis) {

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
    public record Block(BlockStyle style, String lead, String text, boolean missing) {

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
    public record ScoreTable(boolean available, String framework, List<ScoreRow> rows, String weightTotal,
            String computedTotal, String declaredTotal, String grade, String unavailable) {
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
    public record DataBasis(String statement, List<String> pending) {
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
    public record ScoreRow(String code, String name, int level, String target, String actual, String weight,
            String score, String declaredScore, String deviation, boolean assessable, String note) {
    }

    /**
     * A finding as the report lists it: the upstream finding, the service it came from, and the unit's explanation.
     *
     * @param origin      budget, personnel, assets, scores, or report (figures the report found missing)
     * @param explanation the unit's explanation, if any
     * @param blocking    an ERROR that is not explained: blocks submission
     */
    @TemplateData
    public record ReportFinding(String origin, String ruleId, String severity, String title, String message,
            List<Finding.FigureRef> figures, BigDecimal expected, BigDecimal stated, BigDecimal difference,
            String unit, String subject, String explanation, boolean blocking) {
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
    public record Figure(String key, String label, BigDecimal value, String unit, String printed, String status,
            String origin) {
    }

    /** A snapshot the report used: kind, version, event id, the system it came from, and when it changed. */
    @TemplateData
    public record Source(String kind, long version, String eventId, String system, String actor, String occurredAt) {
    }
}
