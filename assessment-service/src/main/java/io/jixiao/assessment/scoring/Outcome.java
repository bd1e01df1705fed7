package io.jixiao.assessment.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A rule's result: points and how they came about, or "not assessable" with the reason (never a silent 0). */
public record Outcome(BigDecimal score, boolean assessable, String explanation) {

    public static Outcome scored(BigDecimal score, String explanation) {
        return new Outcome(score.setScale(2, RoundingMode.HALF_UP), true, explanation);
    }

    public static Outcome notAssessable(String reason) {
        return new Outcome(null, false, reason);
    }
}
