package io.jixiao.events.budget;

import java.math.BigDecimal;

/**
 * Figures budget-service derives from a budget document, once, and publishes with it: consumers read them here and
 * never compute them again. Each is null where the document does not allow it (not stated is not zero).
 *
 * @param keyProjectsActual  the spending of the key projects (重点项目支出), when every key project states its spending
 * @param decemberCumulative the cumulative spending at December in the monthly execution (12月累计支出)
 */
public record DerivedFigures(BigDecimal keyProjectsActual, BigDecimal decemberCumulative) {
}
