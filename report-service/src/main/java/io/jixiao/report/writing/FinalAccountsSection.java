package io.jixiao.report.writing;

import io.jixiao.events.budget.FinalAccounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 一（五）3.决算收支: the final accounts (部门决算 收入支出决算总表) as the unit states them, every amount in 万元 with the
 * precision given; a line the unit does not state is left out of its 其中 list, a total it does not state shows as
 * missing.
 */
final class FinalAccountsSection {

    private static final String KEY = "budget.finalAccounts.";

    private FinalAccountsSection() {
    }

    static String write(FigureLedger ledger, String year, FinalAccounts accounts) {
        StringBuilder s = new StringBuilder();
        FinalAccounts.Income in = accounts.income();
        if (in != null) {
            s.append(year).append("年本年收入合计").append(money(ledger, "income.currentYearTotal", "本年收入合计",
                    in.currentYearTotal())).append("万元");
            List<String> parts = new ArrayList<>();
            FinalAccounts.FiscalIncome fiscal = in.fiscal();
            if (fiscal != null) {
                List<String> byBudget = new ArrayList<>();
                stated(ledger, byBudget, "income.fiscal.generalPublicBudget", "一般公共预算财政拨款收入",
                        fiscal.generalPublicBudget());
                stated(ledger, byBudget, "income.fiscal.governmentFunds", "政府性基金预算财政拨款收入",
                        fiscal.governmentFunds());
                stated(ledger, byBudget, "income.fiscal.stateCapital", "国有资本经营预算财政拨款收入",
                        fiscal.stateCapital());
                addIfAny(parts, withParts(ledger, "income.fiscal.total", "财政拨款收入", fiscal.total(), byBudget));
            }
            stated(ledger, parts, "income.superiorSubsidy", "上级补助收入", in.superiorSubsidy());
            stated(ledger, parts, "income.business", "事业收入", in.business());
            stated(ledger, parts, "income.operating", "经营收入", in.operating());
            stated(ledger, parts, "income.fromAffiliates", "附属单位上缴收入", in.fromAffiliates());
            stated(ledger, parts, "income.other", "其他收入", in.other());
            if (!parts.isEmpty()) {
                s.append("，其中：").append(String.join("、", parts));
            }
            List<String> rest = new ArrayList<>();
            stated(ledger, rest, "income.nonFiscalBalanceUsed", "使用非财政拨款结余", in.nonFiscalBalanceUsed());
            stated(ledger, rest, "income.openingBalance", "年初结转和结余", in.openingBalance());
            if (!rest.isEmpty()) {
                s.append("；").append(String.join("、", rest));
            }
            s.append("；收入总计").append(money(ledger, "income.grandTotal", "收入总计", in.grandTotal())).append("万元。");
        }
        FinalAccounts.Expenditure out = accounts.expenditure();
        if (out != null) {
            s.append(year).append("年本年支出合计").append(money(ledger, "expenditure.currentYearTotal", "本年支出合计",
                    out.currentYearTotal())).append("万元");
            List<String> parts = new ArrayList<>();
            FinalAccounts.BasicSpending basic = out.basic();
            if (basic != null) {
                List<String> kinds = new ArrayList<>();
                stated(ledger, kinds, "expenditure.basic.personnel", "人员经费", basic.personnel());
                stated(ledger, kinds, "expenditure.basic.publicFunds", "公用经费", basic.publicFunds());
                addIfAny(parts, withParts(ledger, "expenditure.basic.total", "基本支出", basic.total(), kinds));
            }
            stated(ledger, parts, "expenditure.projects", "项目支出", out.projects());
            stated(ledger, parts, "expenditure.toSuperior", "上缴上级支出", out.toSuperior());
            stated(ledger, parts, "expenditure.operating", "经营支出", out.operating());
            stated(ledger, parts, "expenditure.subsidiesToAffiliates", "对附属单位补助支出",
                    out.subsidiesToAffiliates());
            if (!parts.isEmpty()) {
                s.append("，其中：").append(String.join("、", parts));
            }
            List<String> rest = new ArrayList<>();
            stated(ledger, rest, "expenditure.surplusDistribution", "结余分配", out.surplusDistribution());
            stated(ledger, rest, "expenditure.closingBalance", "年末结转和结余", out.closingBalance());
            if (!rest.isEmpty()) {
                s.append("；").append(String.join("、", rest));
            }
            s.append("；支出总计").append(money(ledger, "expenditure.grandTotal", "支出总计", out.grandTotal()))
                    .append("万元。");
        }
        return s.toString();
    }

    /**
     * "基本支出1140.27万元（人员经费…、公用经费…）", or, when the unit states the parts but not their total, the parts
     * alone, as its text gives them.
     */
    private static String withParts(FigureLedger ledger, String key, String label, BigDecimal total,
            List<String> parts) {
        if (total == null) {
            return String.join("、", parts);
        }
        String whole = label + money(ledger, key, label, total) + "万元";
        return parts.isEmpty() ? whole : whole + "（" + String.join("、", parts) + "）";
    }

    private static void addIfAny(List<String> parts, String text) {
        if (!text.isEmpty()) {
            parts.add(text);
        }
    }

    private static String money(FigureLedger ledger, String key, String label, BigDecimal yuan) {
        return ledger.money(KEY + key, label, yuan, "budget");
    }

    /** "事业收入12.3万元", for a line the unit states; a line it does not state is not printed. */
    private static void stated(FigureLedger ledger, List<String> out, String key, String label, BigDecimal yuan) {
        if (yuan != null) {
            out.add(label + money(ledger, key, label, yuan) + "万元");
        }
    }
}
