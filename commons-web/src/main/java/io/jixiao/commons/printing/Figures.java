package io.jixiao.commons.printing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How figures print wherever a person reads them (reports, findings, score explanations, exports), as a Chinese
 * finance office prints them: amounts in 万元 with the precision they were given (yuan to the fen, so at most six
 * decimals of 万元), percentages, percentage points and points to at most two decimals, headcounts and counts as
 * integers. Computation keeps full precision; only printing rounds (half up).
 */
public final class Figures {

    /** The most decimals a percentage, a number of percentage points or a score prints with. */
    public static final int RATE_DECIMALS = 2;
    /** The most decimals an amount in 万元 prints with: one fen is 0.000001 万元. */
    public static final int WAN_DECIMALS = 6;

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Figures() {
    }

    /**
     * A value in the unit a finding or figure names: {@code yuan} → {@code 19393.072万元}, {@code persons} →
     * {@code 381人}, {@code count} → {@code 3个}, {@code percent} → {@code 96.04%}, {@code points} → {@code 88.5分};
     * anything else as a plain number with at most two decimals.
     */
    public static String format(BigDecimal value, String unit) {
        if (value == null) {
            return "（缺）";
        }
        return switch (unit == null ? "" : unit) {
            case "yuan" -> wan(value) + "万元";
            case "persons" -> integer(value) + "人";
            case "count" -> integer(value) + "个";
            case "percent" -> percent(value) + "%";
            case "points" -> points(value) + "分";
            default -> decimal(value);
        };
    }

    /** Yuan in 万元 with exactly the precision the amount has (to the fen): 193930720.00 → 19393.072. */
    public static String wan(BigDecimal yuan) {
        return plain(yuan.divide(TEN_THOUSAND).setScale(WAN_DECIMALS, RoundingMode.HALF_UP));
    }

    /** A percentage (96.04 means 96.04 %) to at most two decimals: 96.042714… → 96.04, 100.00 → 100. */
    public static String percent(BigDecimal value) {
        return decimal(value);
    }

    /** A ratio (0.960427…) as a percentage with its sign: 96.04%. */
    public static String ratioAsPercent(BigDecimal ratio) {
        return percent(ratio.movePointRight(2)) + "%";
    }

    /** Points (分) to at most two decimals: 2.8812813… → 2.88, 95.00 → 95. */
    public static String points(BigDecimal value) {
        return decimal(value);
    }

    /** A headcount or count: 381. */
    public static String integer(BigDecimal value) {
        return plain(value.setScale(0, RoundingMode.HALF_UP));
    }

    /** Any other number (a target, a threshold, a ratio cap) to at most two decimals. */
    public static String decimal(BigDecimal value) {
        return plain(value.setScale(RATE_DECIMALS, RoundingMode.HALF_UP));
    }

    /**
     * A value in an indicator's measuring unit (度量单位) as a table prints it: {@code %} and {@code 分} to two
     * decimals, {@code 人}, {@code 个}, {@code 项}, {@code 次}, {@code 件}, {@code 户} as integers, {@code 万元} with its
     * precision, anything else to two decimals.
     */
    public static String inMeasure(BigDecimal value, String measureUnit) {
        String unit = measureUnit == null ? "" : measureUnit;
        String number = switch (unit) {
            case "人", "个", "项", "次", "件", "户", "家", "名" -> integer(value);
            case "万元" -> plain(value.setScale(WAN_DECIMALS, RoundingMode.HALF_UP));
            default -> decimal(value);
        };
        return number + unit;
    }

    private static String plain(BigDecimal v) {
        BigDecimal stripped = v.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
