package io.jixiao.budget.api;

import io.jixiao.commons.validation.GrowthRate;
import io.jixiao.commons.validation.Money;
import io.jixiao.commons.validation.MoneyChange;
import io.jixiao.commons.validation.Percent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit's budget for one fiscal year as its finance system pushes it and reads it back (预算收支及执行): revenue,
 * expenditure, 三公经费, government procurement, projects and monthly execution. Amounts are yuan (see
 * {@link Money}); any figure may be missing (null) and is then shown and checked as missing, never invented. This is
 * the API record; what budget-service publishes is the contract {@link io.jixiao.events.budget.BudgetDocument}, mapped
 * by {@link io.jixiao.budget.mapping.BudgetMapping}.
 */
public record BudgetDocument(
        @Schema(description = "预算收入（财政资金口径）：财政下达资金指标及其构成（年初下达、上年结转、年中追加、年底收回）。"
                + "未填报表示未按财政资金口径说明（如只填报部门决算 finalAccounts）。")
        @Valid Revenue revenue,
        @Schema(description = "预算支出（财政资金口径）：财政资金总支出、结转结余资金、支出进度，及人员经费、公用经费、项目支出。"
                + "未填报表示未按财政资金口径说明（如只填报部门决算 finalAccounts）。")
        @Valid Expenditure expenditure,
        @Schema(description = "“三公”经费：预算与实际支出合计、按类别明细及说明。未填报表示未说明，不按零计。")
        @Valid ThreePublicExpenses threePublicExpenses,
        @Schema(description = "政府采购：预算数与执行数。未填报表示未说明，不按零计。")
        @Valid GovernmentProcurement governmentProcurement,
        @Schema(description = "项目支出明细：逐项的项目预算与支出（最多1000项，项目编码不得重复）。未填报表示未说明，不表示没有项目。")
        @Size(max = 1000) List<@NotNull @Valid Project> projects,
        @Schema(description = "月度执行（双监控）：各月末累计支出，每月至多一条。未填报表示未说明。")
        @Size(max = 12) List<@NotNull @Valid MonthlyExecution> monthlyExecution,
        @Schema(description = "与上年比较：报告所述各数字的上年数、本年比上年增减额和增长率（如“较上年增加189.25万元，增长31.39%”），"
                + "每个数字至多一条。未填报表示报告未作比较。")
        @Size(max = 20) List<@NotNull @Valid StatedChange> changes,
        @Schema(description = "部门决算收入支出总表（全部资金来源）：本年收入合计、年初结转和结余、收入总计，基本支出（人员经费、公用经费）、"
                + "项目支出、本年支出合计、年末结转和结余、支出总计等。未填报表示未按决算口径说明。")
        @Valid FinalAccounts finalAccounts) {

    /** The figures a report compares with the year before, by their path in this document. */
    public static final String COMPARED_FIGURES = "revenue\\.allocatedTotal|revenue\\.initialAllocation"
            + "|expenditure\\.total|expenditure\\.personnel\\.actual|expenditure\\.publicFunds\\.actual"
            + "|expenditure\\.projects\\.actual|threePublicExpenses\\.actual|governmentProcurement\\.actual"
            + "|finalAccounts\\.income\\.(fiscal\\.total|currentYearTotal|grandTotal)"
            + "|finalAccounts\\.expenditure\\.(basic\\.total|projects|currentYearTotal|grandTotal)";

    /** 预算收入. */
    public record Revenue(
            @Schema(description = "财政下达资金指标（元）：本年财政下达的全部资金指标（全年预算数），"
                    + "= 年初下达 + 上年结转 + 年中追加 − 年底收回。未填报表示未说明，不按零计。")
            @Money BigDecimal allocatedTotal,
            @Schema(description = "年初下达（元）：年初下达的预算资金，如一般公共预算财政拨款收入。未填报表示未说明，不按零计。")
            @Money BigDecimal initialAllocation,
            @Schema(description = "年初下达按资金来源（其中）：如一般公共预算财政拨款、政府性基金预算财政拨款、财政专户管理资金；"
                    + "各项合计不超过年初下达。未填报表示未按资金来源说明。")
            @Size(max = 20) List<@NotNull @Valid FundingSource> initialAllocationBySource,
            @Schema(description = "上年结转资金（元）：上年结转到本年的财政资金。未填报表示未说明，不按零计。")
            @Money BigDecimal carryover,
            @Schema(description = "年中追加资金（元）：年度中追加下达的财政资金。未填报表示未说明，不按零计。")
            @Money BigDecimal midYearAdditions,
            @Schema(description = "年底收回资金：年底被财政收回的资金合计及其“其中”明细（如人员经费收回、上年结转资金收回）。"
                    + "未填报表示未说明，不按零计。")
            @Valid Breakdown yearEndRecoveries) {
    }

    /** An amount from one funding source (一般公共预算财政拨款, 政府性基金, 财政专户管理资金 …). */
    public record FundingSource(
            @Schema(description = "资金来源：如一般公共预算财政拨款、政府性基金预算财政拨款、财政专户管理资金。必填。")
            @NotBlank @Size(max = 100) String source,
            @Schema(description = "金额（元）：该资金来源年初下达的金额。必填。")
            @NotNull @Money BigDecimal amount) {
    }

    /** A total with its itemised "其中" list. */
    public record Breakdown(
            @Schema(description = "合计（元）：如年底收回资金总额。未填报表示未说明，不按零计。")
            @Money BigDecimal total,
            @Schema(description = "其中明细：逐项的类别、金额和说明；各项合计不超过合计，未列明的余额作为警告提示。未填报表示未列明细。")
            @Size(max = 200) List<@NotNull @Valid BreakdownItem> items) {
    }

    /** One "其中" item: category, amount and what it mainly was (e.g. 主要为人员工资、医疗保险、养老保险). */
    public record BreakdownItem(
            @Schema(description = "类别：如人员经费、网信工作经费、2023年结转资金（报告印作“人员经费收回…万元”）。必填。")
            @NotBlank @Size(max = 200) String category,
            @Schema(description = "金额（元）：该项的金额。必填。")
            @NotNull @Money BigDecimal amount,
            @Schema(description = "说明：主要内容，如“主要为人员工资、医疗保险、养老保险”，报告中加括号附在该项之后。未填报则不附说明。")
            @Size(max = 500) String note) {
    }

    /** 预算支出. */
    public record Expenditure(
            @Schema(description = "财政资金总支出（元）：本年财政资金实际支出合计，= 人员经费 + 公用经费 + 项目支出。"
                    + "未填报表示未说明，不按零计。")
            @Money BigDecimal total,
            @Schema(description = "结转资金（元）：年末结转到下年继续使用的财政资金。未填报表示未说明，不按零计。")
            @Money BigDecimal carriedForward,
            @Schema(description = "结余资金（元）：年末结余的财政资金。未填报表示未说明，不按零计（报告中不列该项）。")
            @Money BigDecimal surplus,
            @Schema(description = "支出进度（%）：填报的预算执行率 = 财政资金总支出 ÷ 财政下达资金指标 × 100，如 96.04 表示 96.04%，"
                    + "最多两位小数。未填报表示未说明，不按零计。")
            @Percent BigDecimal executionRatePercent,
            @Schema(description = "人员经费：预算数、支出数及支出进度。未填报表示未说明，不按零计。")
            @Valid SpendingLine personnel,
            @Schema(description = "公用经费：预算数、支出数及支出进度。未填报表示未说明，不按零计。")
            @Valid SpendingLine publicFunds,
            @Schema(description = "项目支出（项目资金）：全部项目合计的预算数、支出数及支出进度，逐项明细见 projects。"
                    + "未填报表示未说明，不按零计。")
            @Valid SpendingLine projects) {
    }

    /** Budget, actual spending and the stated rate (支出进度 = actual / budget) of one kind of spending. */
    public record SpendingLine(
            @Schema(description = "预算数（元）：该类支出的全年预算。未填报表示未说明，不按零计。")
            @Money BigDecimal budget,
            @Schema(description = "支出数（元）：该类支出本年实际支出。未填报表示未说明，不按零计。")
            @Money BigDecimal actual,
            @Schema(description = "支出进度（%）：填报的 支出数 ÷ 预算数 × 100，如 80.65 表示 80.65%，最多两位小数。"
                    + "未填报表示未说明，不按零计。")
            @Percent BigDecimal ratePercent) {
    }

    /** One project (项目), its budget and spending; {@code key} marks a 重点项目. */
    public record Project(
            @Schema(description = "项目编码：在本文档中唯一。必填。")
            @NotBlank @Size(max = 64) String code,
            @Schema(description = "项目名称：如网信技术设施服务保障项目。必填。")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "项目预算（元）：该项目的全年预算。未填报表示未说明，不按零计。")
            @Money BigDecimal budget,
            @Schema(description = "项目支出（元）：该项目本年实际支出。未填报表示未说明，不按零计。")
            @Money BigDecimal actual,
            @Schema(description = "是否重点项目：true 为重点项目，计入重点支出安排率（重点项目支出 ÷ 项目总支出）。未填报按非重点项目处理。")
            Boolean key) {
    }

    /** 三公经费: budget and actual, by kind, with a note (e.g. 主要为公务用车运行维护费). */
    public record ThreePublicExpenses(
            @Schema(description = "“三公”经费预算（元）：全年预算数合计。未填报表示未说明，不按零计。")
            @Money BigDecimal budget,
            @Schema(description = "“三公”经费支出（元）：本年实际支出合计，用于“三公经费”控制率和变动率。未填报表示未说明，不按零计。")
            @Money BigDecimal actual,
            @Schema(description = "按类别明细：每类至多一条，各类合计不超过合计。未填报表示未按类别说明。")
            @Size(max = 4) List<@NotNull @Valid ThreePublicItem> items,
            @Schema(description = "说明：如“主要为公务用车运行维护费”，报告中接在“三公”经费支出之后。未填报则不附说明。")
            @Size(max = 500) String note) {
    }

    /** One kind of 三公经费. */
    public record ThreePublicItem(
            @Schema(description = "类别：OVERSEAS_TRAVEL 因公出国（境）费，VEHICLE_PURCHASE 公务用车购置费，"
                    + "VEHICLE_OPERATION 公务用车运行维护费，RECEPTION 公务接待费。必填。")
            @NotNull ThreePublicKind kind,
            @Schema(description = "该类预算（元）。未填报表示未说明，不按零计。")
            @Money BigDecimal budget,
            @Schema(description = "该类支出（元）：本年实际支出。未填报表示未说明，不按零计。")
            @Money BigDecimal actual) {
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
    public record GovernmentProcurement(
            @Schema(description = "政府采购预算（元）：政府采购预算数（计划）。未填报表示未说明，不按零计。")
            @Money BigDecimal budget,
            @Schema(description = "政府采购执行（元）：实际政府采购金额。未填报表示未说明，不按零计。")
            @Money BigDecimal actual) {
    }

    /** Cumulative spending at the end of a month (for 双监控 during the year). */
    public record MonthlyExecution(
            @Schema(description = "月份（1–12）：每月至多一条。必填。")
            @NotNull @Min(1) @Max(12) Integer month,
            @Schema(description = "累计支出（元）：本年1月至该月末累计的财政资金支出；12月的数应等于财政资金总支出。必填。")
            @NotNull @Money BigDecimal cumulativeExpenditure) {
    }

    /** A figure compared with the year before as the report states it (本年比上年增减额 / 增长率). */
    public record StatedChange(
            @Schema(description = "比较的数字（本文档中的路径）：revenue.allocatedTotal 财政下达资金指标，revenue.initialAllocation "
                    + "年初下达，expenditure.total 财政资金总支出，expenditure.personnel.actual 人员经费支出，"
                    + "expenditure.publicFunds.actual 公用经费支出，expenditure.projects.actual 项目资金支出，"
                    + "threePublicExpenses.actual “三公”经费支出，governmentProcurement.actual 政府采购执行；决算口径："
                    + "finalAccounts.income.fiscal.total 财政拨款收入，finalAccounts.income.currentYearTotal 本年收入合计，"
                    + "finalAccounts.income.grandTotal 收入总计，finalAccounts.expenditure.basic.total 基本支出，"
                    + "finalAccounts.expenditure.projects 项目支出，finalAccounts.expenditure.currentYearTotal 本年支出合计，"
                    + "finalAccounts.expenditure.grandTotal 支出总计。必填。")
            @NotNull @Pattern(regexp = COMPARED_FIGURES, message = "must be one of the figures a report compares")
            String figure,
            @Schema(description = "上年数（元）：报告所述的上年数。未填报表示未说明，可由本年数和增减额推得。")
            @Money BigDecimal previous,
            @Schema(description = "增减额（元）：本年数 − 上年数，减少为负数。未填报表示未说明。")
            @MoneyChange BigDecimal change,
            @Schema(description = "增长率（%）：增减额 ÷ 上年数 × 100，下降为负数，如 31.39。未填报表示未说明。")
            @GrowthRate BigDecimal ratePercent) {
    }
}
