package io.jixiao.assessment.scoring;

import java.math.BigDecimal;

/** Turns an indicator's input into points out of its weight. */
public interface ScoringRule {

    Outcome score(BigDecimal weight, ScoringInput input);

    /** The rule and its parameters in words, for the traceable explanation. */
    String describe();
}
