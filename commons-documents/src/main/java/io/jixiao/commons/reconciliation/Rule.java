package io.jixiao.commons.reconciliation;

import io.jixiao.events.findings.Severity;
import java.math.BigDecimal;
import java.util.List;

/**
 * One reconciliation rule (勾稽关系), as data. Paths address figures in the document's JSON: {@code a.b.c}, lists
 * with {@code [*]} (e.g. {@code revenue.yearEndRecoveries.items[*].amount}); inside {@code forEach} they are
 * relative to each element.
 *
 * <ul>
 * <li>{@code sum}: {@code total} = Σ {@code terms} (each prefixed {@code +} or {@code -}).</li>
 * <li>{@code breakdown}: the "其中" {@code items} never exceed {@code total} (else {@code severity}); an
 * unexplained rest is {@code partial} ({@code warning} by default, {@code none} where a 其中 names only some).</li>
 * <li>{@code rate}: {@code stated} % = {@code numerator} / {@code denominator} × 100.</li>
 * <li>{@code atMost}: {@code value} ≤ {@code limit}.</li>
 * <li>{@code changeAmount} (in {@code forEach} over stated changes): the stated {@code change} (增减额) = this year's
 * figure − the stated {@code previous} (上年数); {@code current} names the element's key that holds the compared
 * figure's path in the document.</li>
 * <li>{@code changeRate}: the stated {@code rate} (增长率, %) = 增减额 ÷ 上年数 × 100, each stated or implied by the
 * other two of this year's figure, 上年数 and 增减额.</li>
 * <li>{@code changePriorYear}: the stated 上年数 (or 本年数 − 增减额) = the same figure in the previous year's own
 * document, carried under {@code priorYear} where the platform holds it (nothing is said where it does not).</li>
 * </ul>
 *
 * @param ifPresent the rule applies only where this path has a value (e.g. monthly figures that may not be pushed)
 * @param unit      {@code yuan}, {@code persons} or {@code percent}: how figures print and the default tolerance
 * @param tolerance allowed |difference|; by default 50 yuan per figure involved (万元 printed to 2 decimals),
 *                  0 persons, 0.01 percentage points
 */
public record Rule(String id, Severity severity, String title, String type, String unit, String forEach, String ifPresent,
        String total, List<String> terms, String items, String partial, String stated, String numerator,
        String denominator, String value, String limit, BigDecimal tolerance, String current, String previous,
        String change, String rate) {
}
