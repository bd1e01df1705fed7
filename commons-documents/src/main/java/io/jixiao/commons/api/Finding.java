package io.jixiao.commons.api;

import io.jixiao.events.findings.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A contradiction (or a suspicion, or a check that could not be made) between figures of one unit-year, as the API
 * answers it: the API record of the contract {@link io.jixiao.events.findings.Finding}, made from it by {@link #of}.
 *
 * @param ruleId     the rule that found it, e.g. {@code BUD-REVENUE-IDENTITY}
 * @param severity   error, warning or info
 * @param title      the rule in words, e.g. 财政下达资金指标 = 年初下达 + 上年结转 + 年中追加 − 年底收回
 * @param message    this occurrence in words, with the figures in the unit they are reported in
 * @param figures    every figure involved, with its path in the document and its value
 * @param expected   what the stated figure should be according to the others (null if not checkable)
 * @param stated     the figure as stated (null if not checkable)
 * @param difference stated − expected (null if not checkable)
 * @param unit       the unit of expected/stated/difference: {@code yuan}, {@code persons} or {@code percent}
 * @param subject    the element a per-item rule speaks of (e.g. {@code categories[0]}), else null
 */
public record Finding(
        @Schema(description = "核对规则编码：如 BUD-REVENUE-IDENTITY。") String ruleId,
        @Schema(description = "级别：ERROR 错误（未更正或说明前阻止报告提交），WARNING 警告，INFO 提示（如未能核对）。")
        Severity severity,
        @Schema(description = "规则的文字表述：如 财政下达资金指标 = 年初下达 + 上年结转 + 年中追加 − 年底收回。") String title,
        @Schema(description = "本次问题的文字说明，数字按报告所用单位表述（如万元）。") String message,
        @Schema(description = "涉及的各个数字：在文档中的路径、名称、数值和单位。") List<FigureRef> figures,
        @Schema(description = "应有值：按其他数字推得的值，以 unit 计；无法核对时为空。") BigDecimal expected,
        @Schema(description = "填报值：以 unit 计；无法核对时为空。") BigDecimal stated,
        @Schema(description = "差额 = 填报值 − 应有值，以 unit 计；无法核对时为空。") BigDecimal difference,
        @Schema(description = "应有值、填报值和差额的单位：yuan 元，persons 人，percent 百分比，points 分。") String unit,
        @Schema(description = "逐项规则所指的项：如 categories[0]；其他规则为空。") String subject) {

    /**
     * A figure a finding refers to: its path in the document, its label, its value (null when missing) and its unit
     * ({@code yuan}, {@code persons}, {@code percent}, {@code points}; null: the finding's unit). A rate's finding
     * speaks in percent while its numerator and denominator are amounts, so each figure says its own unit.
     */
    public record FigureRef(
            @Schema(description = "路径：该数字在文档中的位置，如 revenue.carryover。") String path,
            @Schema(description = "名称：如 上年结转。") String label,
            @Schema(description = "数值：以该数字的单位计；缺失时为空。") BigDecimal value,
            @Schema(description = "单位：yuan 元，persons 人，percent 百分比，points 分；为空时与所属核对问题的单位相同。") String unit) {

        public static FigureRef of(io.jixiao.events.findings.Finding.FigureRef figure) {
            return new FigureRef(figure.path(), figure.label(), figure.value(), figure.unit());
        }
    }

    public static Finding of(io.jixiao.events.findings.Finding f) {
        return new Finding(f.ruleId(), f.severity(), f.title(), f.message(),
                f.figures() == null ? null : f.figures().stream().map(FigureRef::of).toList(), f.expected(), f.stated(),
                f.difference(), f.unit(), f.subject());
    }

    /** The API records of findings, in their order (null stays null). */
    public static List<Finding> of(List<io.jixiao.events.findings.Finding> findings) {
        return findings == null ? null : findings.stream().map(Finding::of).toList();
    }
}
