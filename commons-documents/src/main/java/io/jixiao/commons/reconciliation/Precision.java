package io.jixiao.commons.reconciliation;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How exactly a figure was given, read from the figure itself, and what a check may therefore allow (DESIGN §6:
 * tolerances follow the precision the figures were given in).
 *
 * <ul>
 * <li>An amount in yuan is known to its last non-zero digit, 1234567.89 to a fen and 193930720 (19393.072万元) to
 * 10 yuan, but to 100 yuan (0.01万元, as a finance office prints it) at worst: a round amount such as 36000000 may
 * well be exact, and a wider tolerance would hide real differences between round figures.</li>
 * <li>A rate or a score is known to the decimals it was written with: 96.04 to 0.01, 35.9 to 0.1, 14 to 1.</li>
 * <li>Headcounts are exact.</li>
 * </ul>
 */
final class Precision {

    private static final BigDecimal COARSEST_AMOUNT = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Precision() {
    }

    /** One unit in the last place the figure was given to; zero when it is exact. */
    static BigDecimal of(BigDecimal value, String unit) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return switch (unit) {
            case "yuan" -> {
                if (value.signum() == 0) {
                    yield BigDecimal.ZERO; // nothing stated beyond "none"
                }
                BigDecimal last = BigDecimal.ONE.scaleByPowerOfTen(-value.stripTrailingZeros().scale());
                yield last.min(COARSEST_AMOUNT);
            }
            case "percent", "points" -> BigDecimal.ONE.scaleByPowerOfTen(-Math.max(0, value.scale()));
            default -> BigDecimal.ZERO;
        };
    }

    /** What rounding each figure to its precision may add up to: half a unit in the last place of each. */
    static BigDecimal rounding(Iterable<BigDecimal> values, String unit) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal value : values) {
            total = total.add(of(value, unit).divide(TWO));
        }
        return total;
    }

    /**
     * How far a stated rate may lie from the exact quotient of its amounts: one unit in its last place (a report
     * rounds or cuts off), plus what the rounding of the amounts moves the quotient.
     */
    static BigDecimal rate(BigDecimal stated, BigDecimal exact, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal relative = BigDecimal.ZERO;
        if (numerator.signum() != 0) {
            relative = relative.add(of(numerator, "yuan").divide(TWO).divide(numerator.abs(), MathContext.DECIMAL64));
        }
        relative = relative.add(of(denominator, "yuan").divide(TWO).divide(denominator.abs(), MathContext.DECIMAL64));
        return of(stated, "percent").add(exact.abs().multiply(relative, MathContext.DECIMAL64));
    }
}
