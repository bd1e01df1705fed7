package io.jixiao.events.personnel;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A unit's asset register at year end (资产情况): fixed and intangible assets by state, in yuan. */
public record AssetDocument(LocalDate asOf, AssetStates fixedAssets, AssetStates intangibleAssets) {

    /** A class of assets: total and by state; states sum to the total. */
    public record AssetStates(BigDecimal total, BigDecimal inUse, BigDecimal idle, BigDecimal awaitingDisposal) {
    }
}
