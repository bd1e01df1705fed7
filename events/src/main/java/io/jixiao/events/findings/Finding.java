package io.jixiao.events.findings;

import java.math.BigDecimal;
import java.util.List;

/**
 * A contradiction (or a suspicion, or a check that could not be made) between figures of one unit-year.
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
public record Finding(String ruleId, Severity severity, String title, String message, List<FigureRef> figures,
        BigDecimal expected, BigDecimal stated, BigDecimal difference, String unit, String subject) {

    /**
     * A figure a finding refers to: its path in the document, its label, its value (null when missing) and its unit
     * ({@code yuan}, {@code persons}, {@code percent}, {@code points}; null: the finding's unit). A rate's finding
     * speaks in percent while its numerator and denominator are amounts, so each figure says its own unit.
     */
    public record FigureRef(String path, String label, BigDecimal value, String unit) {

        /** A figure in the finding's own unit. */
        public FigureRef(String path, String label, BigDecimal value) {
            this(path, label, value, null);
        }
    }
}
