package io.jixiao.events.budget;

import io.jixiao.events.Money;
import io.jixiao.events.Percent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's budget for one fiscal year as its finance system pushes it (预算收支及执行): revenue, expenditure,
 * 三公经费, government procurement, projects and monthly execution. Amounts are yuan (see {@link Money}); any
 * figure may be missing (null) and is then shown and checked as missing, never invented.
 */
public record BudgetDocument(
        @NotNull @Valid Revenue revenue,
        @NotNull @Valid Expenditure expenditure,
        @Valid ThreePublicExpenses threePublicExpenses,
        @Valid GovernmentProcurement governmentProcurement,
        @Size(max = 1000) List<@NotNull @Valid Project> projects,
        @Size(max = 12) List<@NotNull @Valid MonthlyExecution> monthlyExecution) {

    /** 预算收入. */
    public record Revenue(
            /* 财政下达资金指标: the full-year budget made available */
            @Money BigDecimal allocatedTotal,
            /* 年初下达 (e.g. 一般公共预算财政拨款收入) */
            @Money BigDecimal initialAllocation,
            /* 年初下达 by funding source (资金来源) */
            @Size(max = 20) List<@NotNull @Valid FundingSource> initialAllocationBySource,
            /* 上年结转 */
            @Money BigDecimal carryover,
            /* 年中追加 */
            @Money BigDecimal midYearAdditions,
            /* 年底收回, with its itemised 其中 */
            @Valid Breakdown yearEndRecoveries) {
    }

    /** An amount from one funding source (一般公共预算财政拨款, 政府性基金, 财政专户管理资金 …). */
    public record FundingSource(@NotBlank @Size(max = 100) String source, @NotNull @Money BigDecimal amount) {
    }

    /** A total with its itemised "其中" list. */
    public record Breakdown(
            @Money BigDecimal total,
            @Size(max = 200) List<@NotNull @Valid BreakdownItem> items) {
    }

    /** One "其中" item: category, amount and what it mainly was (e.g. 主要为人员工资、医疗保险、养老保险). */
    public record BreakdownItem(
            @NotBlank @Size(max = 200) String category,
            @NotNull @Money BigDecimal amount,
            @Size(max = 500) String note) {
    }

    /** 预算支出. */
    public record Expenditure(
            /* 财政资金总支出 */
            @Money BigDecimal total,
            /* 结转资金 (carried into next year) */
            @Money BigDecimal carriedForward,
            /* 结余资金 */
            @Money BigDecimal surplus,
            /* 支出进度 as stated (总支出 / 财政下达资金指标) */
            @Percent BigDecimal executionRatePercent,
            /* 人员经费 */
            @Valid SpendingLine personnel,
            /* 公用经费 */
            @Valid SpendingLine publicFunds,
            /* 项目支出 */
            @Valid SpendingLine projects) {
    }

    /** Budget, actual spending and the stated rate (支出进度 = actual / budget) of one kind of spending. */
    public record SpendingLine(@Money BigDecimal budget, @Money BigDecimal actual, @Percent BigDecimal ratePercent) {
    }

    /** One project (项目), its budget and spending; {@code key} marks a 重点项目. */
    public record Project(
            @NotBlank @Size(max = 64) String code,
            @NotBlank @Size(max = 200) String name,
            @Money BigDecimal budget,
            @Money BigDecimal actual,
            Boolean key) {
    }

    /** 三公经费: budget and actual, by kind, with a note (e.g. 主要为公务用车运行维护费). */
    public record ThreePublicExpenses(
            @Money BigDecimal budget,
            @Money BigDecimal actual,
            @Size(max = 4) List<@NotNull @Valid ThreePublicItem> items,
            @Size(max = 500) String note) {
    }

    /** One kind of 三公经费. */
    public record ThreePublicItem(@NotNull ThreePublicKind kind, @Money BigDecimal budget, @Money BigDecimal actual) {
    }

    /** The four kinds of 三公经费. */
    public enum ThreePublicKind {
        /** 因公出国(境)费 */
        OVERSEAS_TRAVEL,
        /** 公务用车购置费 */
        VEHICLE_PURCHASE,
        /** 公务用车运行维护费 */
        VEHICLE_OPERATION,
        /** 公务接待费 */
        RECEPTION
    }

    /** 政府采购: planned and executed. */
    public record GovernmentProcurement(@Money BigDecimal budget, @Money BigDecimal actual) {
    }

    /** Cumulative spending at the end of a month (for 双监控 during the year). */
    public record MonthlyExecution(
            @NotNull @Min(1) @Max(12) Integer month,
            @NotNull @Money BigDecimal cumulativeExpenditure) {
    }
}
