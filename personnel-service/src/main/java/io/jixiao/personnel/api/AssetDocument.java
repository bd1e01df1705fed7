package io.jixiao.personnel.api;

import io.jixiao.commons.validation.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit's asset register at year end (资产情况): fixed and intangible assets by state, in yuan. This is the API record;
 * personnel-service publishes the contract {@link io.jixiao.events.personnel.AssetDocument}.
 */
@Schema(description = "资产情况（年末）：单位资产系统推送的自用固定资产和自用无形资产，按在用、闲置、待处置分列，整份替换。"
        + "金额单位为元（最多两位小数），报告中以万元列示。未填报的金额表示未说明，不按零计，在报告和核对中显示为缺失。")
public record AssetDocument(
        @Schema(description = "截至日期：资产的统计时点，如 2024-12-31，须为本预算年度内的日期。必填。")
        @NotNull LocalDate asOf,
        @Schema(description = "自用固定资产：总额及按状态分列，用于固定资产利用率（在用 ÷ 全部）。必填。")
        @NotNull @Valid AssetStates fixedAssets,
        @Schema(description = "自用无形资产：总额及按状态分列。必填。")
        @NotNull @Valid AssetStates intangibleAssets) {

    /** A class of assets: total and by state; states sum to the total. */
    public record AssetStates(
            @Schema(description = "资产总额（元）：该类资产的账面总额，= 在用 + 闲置 + 待处置。必填。")
            @NotNull @Money BigDecimal total,
            @Schema(description = "在用（元）：在用资产金额。未填报表示未说明，不按零计。")
            @Money BigDecimal inUse,
            @Schema(description = "闲置（元）：闲置资产金额，填 0 时报告写作“无闲置”。未填报表示未说明，不按零计。")
            @Money BigDecimal idle,
            @Schema(description = "待处置（元）：待报废、毁损等待处置的资产金额，填 0 时报告写作“无待处置”。"
                    + "未填报表示未说明，不按零计。")
            @Money BigDecimal awaitingDisposal) {
    }
}
