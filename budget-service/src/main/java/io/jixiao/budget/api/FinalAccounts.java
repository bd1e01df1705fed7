package io.jixiao.budget.api;

import io.jixiao.commons.validation.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The unit's final accounts as the national 部门决算 收入支出决算总表 states them (all sources), pushed beside the
 * 财政资金 view of {@link BudgetDocument}; where both are given they reconcile. The API record of the contract
 * {@link io.jixiao.events.budget.FinalAccounts}.
 */
@Schema(description = "部门决算收入支出总表（全部资金来源）：与财政资金口径（财政下达资金指标等）并存，可只填其一；两者都填时相互核对。"
        + "金额单位为元。未填报的数表示未说明，不按零计。")
public record FinalAccounts(
        @Schema(description = "收入。") @Valid Income income,
        @Schema(description = "支出。") @Valid Expenditure expenditure,
        @Schema(description = "支出功能分类（类/款/项）：各科目的支出合计、基本支出和项目支出。未填报表示未按功能分类说明。")
        @Size(max = 200) List<@Valid FunctionalLine> functionalLines) {

    /** 收入. */
    public record Income(
            @Schema(description = "财政拨款收入：合计及一般公共预算、政府性基金预算、国有资本经营预算财政拨款。") @Valid FiscalIncome fiscal,
            @Schema(description = "上级补助收入（元）。") @Money BigDecimal superiorSubsidy,
            @Schema(description = "事业收入（元）。") @Money BigDecimal business,
            @Schema(description = "经营收入（元）。") @Money BigDecimal operating,
            @Schema(description = "附属单位上缴收入（元）。") @Money BigDecimal fromAffiliates,
            @Schema(description = "其他收入（元）。") @Money BigDecimal other,
            @Schema(description = "本年收入合计（元）= 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入。")
            @Money BigDecimal currentYearTotal,
            @Schema(description = "使用非财政拨款结余（元）。") @Money BigDecimal nonFiscalBalanceUsed,
            @Schema(description = "年初结转和结余（元）。") @Money BigDecimal openingBalance,
            @Schema(description = "收入总计（元）= 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余，应等于支出总计。")
            @Money BigDecimal grandTotal) {
    }

    /** 财政拨款收入. */
    public record FiscalIncome(
            @Schema(description = "财政拨款收入合计（元）。") @Money BigDecimal total,
            @Schema(description = "一般公共预算财政拨款收入（元）。") @Money BigDecimal generalPublicBudget,
            @Schema(description = "政府性基金预算财政拨款收入（元）。") @Money BigDecimal governmentFunds,
            @Schema(description = "国有资本经营预算财政拨款收入（元）。") @Money BigDecimal stateCapital) {
    }

    /** 支出. */
    public record Expenditure(
            @Schema(description = "基本支出：合计、人员经费和公用经费。") @Valid BasicSpending basic,
            @Schema(description = "项目支出（元）。") @Money BigDecimal projects,
            @Schema(description = "上缴上级支出（元）。") @Money BigDecimal toSuperior,
            @Schema(description = "经营支出（元）。") @Money BigDecimal operating,
            @Schema(description = "对附属单位补助支出（元）。") @Money BigDecimal subsidiesToAffiliates,
            @Schema(description = "本年支出合计（元）= 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出。")
            @Money BigDecimal currentYearTotal,
            @Schema(description = "结余分配（元）。") @Money BigDecimal surplusDistribution,
            @Schema(description = "年末结转和结余（元）。") @Money BigDecimal closingBalance,
            @Schema(description = "支出总计（元）= 本年支出合计 + 结余分配 + 年末结转和结余，应等于收入总计。")
            @Money BigDecimal grandTotal) {
    }

    /** 基本支出. */
    public record BasicSpending(
            @Schema(description = "基本支出合计（元）= 人员经费 + 公用经费。") @Money BigDecimal total,
            @Schema(description = "人员经费（元）。") @Money BigDecimal personnel,
            @Schema(description = "公用经费（元）。") @Money BigDecimal publicFunds) {
    }

    /** One line of the functional classification (功能分类科目). */
    public record FunctionalLine(
            @Schema(description = "科目编码：类3位、款5位或项7位数字，如 2011301。必填。")
            @NotBlank @Pattern(regexp = "\\d{3}|\\d{5}|\\d{7}", message = "must be a functional classification code of"
                    + " 3, 5 or 7 digits") String code,
            @Schema(description = "科目名称：如 行政运行。必填。") @NotBlank @Size(max = 100) String name,
            @Schema(description = "支出合计（元）= 基本支出 + 项目支出。") @Money BigDecimal total,
            @Schema(description = "基本支出（元）。") @Money BigDecimal basic,
            @Schema(description = "项目支出（元）。") @Money BigDecimal projects) {
    }
}
