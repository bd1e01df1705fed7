package io.jixiao.events.personnel;

import io.jixiao.events.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A unit's asset register at year end (资产情况): fixed and intangible assets by state, in yuan. */
public record AssetDocument(
        @NotNull LocalDate asOf,
        /* 自用固定资产 */
        @NotNull @Valid AssetStates fixedAssets,
        /* 自用无形资产 */
        @NotNull @Valid AssetStates intangibleAssets) {

    /** A class of assets: total and by state; states sum to the total. */
    public record AssetStates(
            @NotNull @Money BigDecimal total,
            /* 在用 */
            @Money BigDecimal inUse,
            /* 闲置 */
            @Money BigDecimal idle,
            /* 待处置 (待报废、毁损 …) */
            @Money BigDecimal awaitingDisposal) {
    }
}
