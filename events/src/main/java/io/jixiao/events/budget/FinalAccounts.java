package io.jixiao.events.budget;

import java.math.BigDecimal;
import java.util.List;

/**
 * The unit's final accounts for the year as the national 部门决算 收入支出决算总表 states them (all sources, not only
 * fiscal funds), beside the 财政资金 view of {@link BudgetDocument}. Amounts in yuan; any may be missing (not stated).
 *
 * @param income          收入
 * @param expenditure     支出
 * @param functionalLines 支出功能分类 (类/款/项) lines, as stated
 */
public record FinalAccounts(Income income, Expenditure expenditure, List<FunctionalLine> functionalLines) {

    /**
     * @param fiscal                财政拨款收入, by budget (一般公共预算 / 政府性基金 / 国有资本经营)
     * @param superiorSubsidy       上级补助收入
     * @param business              事业收入
     * @param operating             经营收入
     * @param fromAffiliates        附属单位上缴收入
     * @param other                 其他收入
     * @param currentYearTotal      本年收入合计
     * @param nonFiscalBalanceUsed  使用非财政拨款结余
     * @param openingBalance        年初结转和结余
     * @param grandTotal            收入总计
     */
    public record Income(FiscalIncome fiscal, BigDecimal superiorSubsidy, BigDecimal business, BigDecimal operating,
            BigDecimal fromAffiliates, BigDecimal other, BigDecimal currentYearTotal, BigDecimal nonFiscalBalanceUsed,
            BigDecimal openingBalance, BigDecimal grandTotal) {
    }

    /** 财政拨款收入: the total and by budget (一般公共预算, 政府性基金预算, 国有资本经营预算). */
    public record FiscalIncome(BigDecimal total, BigDecimal generalPublicBudget, BigDecimal governmentFunds,
            BigDecimal stateCapital) {
    }

    /**
     * @param basic                 基本支出 (人员经费, 公用经费)
     * @param projects              项目支出
     * @param toSuperior            上缴上级支出
     * @param operating             经营支出
     * @param subsidiesToAffiliates 对附属单位补助支出
     * @param currentYearTotal      本年支出合计
     * @param surplusDistribution   结余分配
     * @param closingBalance        年末结转和结余
     * @param grandTotal            支出总计
     */
    public record Expenditure(BasicSpending basic, BigDecimal projects, BigDecimal toSuperior, BigDecimal operating,
            BigDecimal subsidiesToAffiliates, BigDecimal currentYearTotal, BigDecimal surplusDistribution,
            BigDecimal closingBalance, BigDecimal grandTotal) {
    }

    /** 基本支出: the total, 人员经费 and 公用经费. */
    public record BasicSpending(BigDecimal total, BigDecimal personnel, BigDecimal publicFunds) {
    }

    /** One line of the functional classification (功能分类科目), e.g. 2011301 行政运行. */
    public record FunctionalLine(String code, String name, BigDecimal total, BigDecimal basic, BigDecimal projects) {
    }
}
