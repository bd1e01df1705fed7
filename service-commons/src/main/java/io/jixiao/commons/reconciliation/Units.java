package io.jixiao.commons.reconciliation;

import java.math.BigDecimal;

/** How figures print in findings, as Chinese reports print them. */
public final class Units {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Units() {
    }

    /** 193930720.00 yuan → {@code 19393.072万元}; 381 persons → {@code 381人}; 96.04 → {@code 96.04%}. */
    public static String format(BigDecimal value, String unit) {
        if (value == null) {
            return "（缺）";
        }
        return switch (unit) {
            case "yuan" -> wan(value) + "万元";
            case "persons" -> value.stripTrailingZeros().toPlainString() + "人";
            case "percent" -> value.stripTrailingZeros().toPlainString() + "%";
            default -> value.toPlainString();
        };
    }

    /** Yuan in 万元 with exactly the precision the amount has: 193930720.00 → 19393.072. */
    public static String wan(BigDecimal yuan) {
        BigDecimal wan = yuan.divide(TEN_THOUSAND).stripTrailingZeros();
        return (wan.scale() < 0 ? wan.setScale(0) : wan).toPlainString();
    }
}
