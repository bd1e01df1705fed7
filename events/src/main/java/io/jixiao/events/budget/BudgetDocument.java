package io.jixiao.events.budget;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit's budget for one fiscal year as carried in {@link BudgetSnapshot} (预算收支及执行): revenue, expenditure,
 * 三公经费, government procurement, projects and monthly execution. Amounts are yuan with at most two decimals; any
 * figure may be missing (null) and is then shown and checked as missing, never invented. Budget-service's API record
 * of the same name describes and validates each field as a unit pushes it.
 */
public record BudgetDocument(Revenue revenue, Expenditure expenditure, ThreePublicExpenses threePublicExpenses,
        GovernmentProcurement governmentProcurement, List<Project> projects, List<MonthlyExecution> monthlyExecution,
        List<StatedChange> changes, FinalAccounts finalAccounts) {

    /** 预算收入. */
    public record Revenue(BigDecimal allocatedTotal, BigDecimal initialAllocation,
            List<FundingSource> initialAllocationBySource, BigDecimal carryover, BigDecimal midYearAdditions,
            Breakdown yearEndRecoveries) {
    }

    /** An amount from one funding source (一般公共预算财政拨款, 政府性基金, 财政专户管理资金 …). */
    public record FundingSource(String source, BigDecimal amount) {
    }

    /** A total with its itemised "其中" list. */
    public record Breakdown(BigDecimal total, List<BreakdownItem> items) {
    }

    /** One "其中" item: category, amount and what it mainly was (e.g. 主要为人员工资、医疗保险、养老保险). */
    public record BreakdownItem(String category, BigDecimal amount, String note) {
    }

    /** 预算支出. */
    public record Expenditure(BigDecimal total, BigDecimal carriedForward, BigDecimal surplus,
            BigDecimal executionRatePercent, SpendingLine personnel, SpendingLine publicFunds, SpendingLine projects) {
    }

    /** Budget, actual spending and the stated rate (支出进度 = actual / budget) of one kind of spending. */
    public record SpendingLine(BigDecimal budget, BigDecimal actual, BigDecimal ratePercent) {
    }

    /** One project (项目), its budget and spending; {@code key} marks a 重点项目. */
    public record Project(String code, String name, BigDecimal budget, BigDecimal actual, Boolean key) {
    }

    /** 三公经费: budget and actual, by kind, with a note (e.g. 主要为公务用车运行维护费). */
    public record ThreePublicExpenses(BigDecimal budget, BigDecimal actual, List<ThreePublicItem> items, String note) {
    }

    /** One kind of 三公经费. */
    public record ThreePublicItem(ThreePublicKind kind, BigDecimal budget, BigDecimal actual) {
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
    public record GovernmentProcurement(BigDecimal budget, BigDecimal actual) {
    }

    /**
     * A figure compared with the year before as the unit's report states it (本年比上年增减额 / 增长率).
     *
     * @param figure      the compared figure's path in this document, e.g. {@code expenditure.total}
     * @param previous    上年数 as stated (yuan), or null
     * @param change      增减额 as stated (yuan, negative for a decrease), or null
     * @param ratePercent 增长率 as stated (percent, negative for a fall), or null
     */
    public record StatedChange(String figure, BigDecimal previous, BigDecimal change, BigDecimal ratePercent) {
    }

    /** Cumulative spending at the end of a month (for 双监控 during the year). */
    public record MonthlyExecution(Integer month, BigDecimal cumulativeExpenditure) {
    }
}
