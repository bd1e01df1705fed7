package io.jixiao.assessment.scoring;

import io.jixiao.assessment.framework.Indicator;
import java.math.BigDecimal;
import java.util.Set;

/**
 * What a scoring rule scores: the measured value and its target, or what the unit stated for qualitative
 * indicators — a rating, the checklist items met, the number of violations. Null means not given.
 */
public record ScoringInput(BigDecimal actual, Indicator.Target target, Rating rating, Set<String> itemsMet,
        Integer violations) {

    /** A qualitative self-rating: 达成 / 部分达成 / 未达成, optionally with the percentage claimed within the band. */
    public record Rating(Level level, BigDecimal percent) {
    }

    /** The qualitative bands (as a share of the weight): 达成 80–100 %, 部分达成 60–80 %, 未达成 0–60 %. */
    public enum Level {
        /** 达成 */
        ACHIEVED(80, 100),
        /** 部分达成 */
        PARTIAL(60, 80),
        /** 未达成 */
        NOT_ACHIEVED(0, 60);

        public final BigDecimal low;
        public final BigDecimal high;

        Level(int low, int high) {
            this.low = BigDecimal.valueOf(low);
            this.high = BigDecimal.valueOf(high);
        }
    }

    public static ScoringInput ofActual(BigDecimal actual, Indicator.Target target) {
        return new ScoringInput(actual, target, null, null, null);
    }
}
