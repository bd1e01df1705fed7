package io.jixiao.report.writing;

import static io.jixiao.report.writing.ChineseText.stripEnd;

import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.commons.printing.Figures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** 一（五）当年部门预算及执行情况: 1.预算收入 and 2.预算支出, every amount in 万元 with the precision given. */
final class BudgetSection {

    private BudgetSection() {
    }

    static String revenue(FigureLedger ledger, String year, BudgetDocument.Revenue r) {
        if (r == null) {
            r = new BudgetDocument.Revenue(null, null, null, null, null, null);
        }
        StringBuilder s = new StringBuilder(year).append("年财政下达资金指标")
                .append(ledger.money("budget.revenue.allocatedTotal", "财政下达资金指标", r.allocatedTotal(), "budget"))
                .append("万元，其中年初下达");
        String initial = ledger.money("budget.revenue.initialAllocation", "年初下达", r.initialAllocation(), "budget");
        List<BudgetDocument.FundingSource> sources = r.initialAllocationBySource() == null ? List.of()
                : r.initialAllocationBySource();
        if (sources.size() == 1) {
            s.append(sources.get(0).source()).append("收入").append(initial).append("万元");
        } else if (sources.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (BudgetDocument.FundingSource f : sources) {
                parts.add(f.source() + ledger.money("budget.revenue.initialAllocationBySource." + f.source(),
                        "年初下达" + f.source(), f.amount(), "budget") + "万元");
            }
            s.append("资金").append(initial).append("万元（其中").append(String.join("、", parts)).append("）");
        } else {
            s.append("资金").append(initial).append("万元");
        }
        s.append("，上年结转资金").append(ledger.money("budget.revenue.carryover", "上年结转", r.carryover(), "budget"))
                .append("万元，年中追加资金")
                .append(ledger.money("budget.revenue.midYearAdditions", "年中追加", r.midYearAdditions(), "budget"))
                .append("万元，年底收回资金");
        BudgetDocument.Breakdown recoveries = r.yearEndRecoveries();
        s.append(ledger.money("budget.revenue.yearEndRecoveries.total", "年底收回",
                recoveries == null ? null : recoveries.total(), "budget")).append("万元");
        if (recoveries != null && recoveries.items() != null && !recoveries.items().isEmpty()) {
            List<String> items = new ArrayList<>();
            for (BudgetDocument.BreakdownItem item : recoveries.items()) {
                String text = item.category() + "收回" + ledger.money("budget.revenue.yearEndRecoveries." + item.category(),
                        "年底收回其中" + item.category(), item.amount(), "budget") + "万元";
                if (item.note() != null && !item.note().isBlank()) {
                    text += "（" + item.note() + "）";
                }
                items.add(text);
            }
            s.append("，其中").append(String.join("、", items));
        }
        s.append("。");
        return s.toString();
    }

    static String expenditure(FigureLedger ledger, String year, BudgetDocument budget, String remark) {
        BudgetDocument.Expenditure e = budget.expenditure();
        if (e == null) {
            e = new BudgetDocument.Expenditure(null, null, null, null, null, null, null);
        }
        StringBuilder s = new StringBuilder(year).append("年财政资金总支出")
                .append(ledger.money("budget.expenditure.total", "财政资金总支出", e.total(), "budget"))
                .append("万元，结转资金")
                .append(ledger.money("budget.expenditure.carriedForward", "结转资金", e.carriedForward(), "budget"))
                .append("万元");
        if (e.surplus() != null) {
            s.append("，结余资金").append(ledger.money("budget.expenditure.surplus", "结余资金", e.surplus(), "budget"))
                    .append("万元");
        }
        s.append("，支出进度").append(ledger.percent("budget.expenditure.executionRatePercent", "支出进度",
                e.executionRatePercent(), "budget")).append("%。其中，");
        List<String> lines = new ArrayList<>();
        lines.add(line(ledger, "personnel", "人员经费", e.personnel()));
        lines.add(line(ledger, "publicFunds", "公用经费", e.publicFunds()));
        lines.add(line(ledger, "projects", "项目资金", e.projects()));
        BudgetDocument.ThreePublicExpenses three = budget.threePublicExpenses();
        StringBuilder threeText = new StringBuilder("“三公”经费支出").append(ledger.money("budget.threePublicExpenses.actual",
                "“三公”经费支出", three == null ? null : three.actual(), "budget")).append("万元");
        if (three != null && three.note() != null && !three.note().isBlank()) {
            threeText.append("，").append(three.note());
        }
        lines.add(threeText.toString());
        s.append(String.join("；", lines));
        if (remark != null) {
            s.append("，").append(stripEnd(remark));
        }
        s.append("。");
        return s.toString();
    }

    /** Whether the budget states any figure of the 财政资金 view (a unit may state its final accounts only). */
    static boolean statesFiscalView(BudgetDocument budget) {
        BudgetDocument.Revenue r = budget.revenue();
        BudgetDocument.Expenditure e = budget.expenditure();
        boolean revenue = r != null && (r.allocatedTotal() != null || r.initialAllocation() != null
                || r.carryover() != null || r.midYearAdditions() != null || r.yearEndRecoveries() != null);
        boolean spending = e != null && (e.total() != null || e.carriedForward() != null || e.surplus() != null
                || e.executionRatePercent() != null || e.personnel() != null || e.publicFunds() != null
                || e.projects() != null);
        return revenue || spending;
    }

    /** "与上年相比，…。" for the changes the budget states, or an empty string. */
    static String comparedWithLastYear(FigureLedger ledger, BudgetDocument budget) {
        String compared = changes(ledger, budget.changes());
        return compared.isEmpty() ? "" : "与上年相比，" + compared + "。";
    }

    /** The figures a report compares with the year before, as it states them, in the order it gives them. */
    private static final Map<String, String> COMPARED = Map.ofEntries(Map.entry("revenue.allocatedTotal", "财政下达资金指标"),
            Map.entry("revenue.initialAllocation", "年初下达"), Map.entry("expenditure.total", "财政资金总支出"),
            Map.entry("expenditure.personnel.actual", "人员经费支出"),
            Map.entry("expenditure.publicFunds.actual", "公用经费支出"),
            Map.entry("expenditure.projects.actual", "项目资金支出"),
            Map.entry("threePublicExpenses.actual", "“三公”经费支出"),
            Map.entry("governmentProcurement.actual", "政府采购执行"),
            Map.entry("finalAccounts.income.fiscal.total", "财政拨款收入"),
            Map.entry("finalAccounts.income.currentYearTotal", "本年收入合计"),
            Map.entry("finalAccounts.income.grandTotal", "收入总计"),
            Map.entry("finalAccounts.expenditure.basic.total", "基本支出"),
            Map.entry("finalAccounts.expenditure.projects", "项目支出"),
            Map.entry("finalAccounts.expenditure.currentYearTotal", "本年支出合计"),
            Map.entry("finalAccounts.expenditure.grandTotal", "支出总计"));

    /**
     * "财政资金总支出较上年增加189.25万元，增长31.39%": each stated change in the sentence form reports use; a 增减额 not
     * stated is this year's figure − 上年数 where both are given, and said to be derived.
     */
    private static String changes(FigureLedger ledger, List<BudgetDocument.StatedChange> changes) {
        List<String> clauses = new ArrayList<>();
        for (BudgetDocument.StatedChange c : changes == null ? List.<BudgetDocument.StatedChange>of() : changes) {
            String label = COMPARED.getOrDefault(c.figure(), c.figure());
            String key = "budget.changes." + c.figure();
            StringBuilder clause = new StringBuilder(label);
            BigDecimal change = c.change();
            String status = "STATED";
            BigDecimal current = ledger.valueOf("budget." + c.figure());
            if (change == null && c.previous() != null && current != null) {
                change = current.subtract(c.previous());
                status = "DERIVED";
            }
            if (change == null) {
                clause.append("上年为").append(ledger.money(key + ".previous", "上年" + label, c.previous(), "budget"))
                        .append("万元");
            } else {
                String amount = Figures.wan(change.abs()) + "万元";
                String printed = change.signum() > 0 ? "较上年增加" + amount : change.signum() < 0 ? "较上年减少" + amount
                        : "与上年持平";
                ledger.figure(key + ".change", label + "增减额", change, "yuan", printed, status, "budget");
                clause.append(printed);
            }
            if (c.ratePercent() != null) {
                String rate = ChineseText.percent(c.ratePercent().abs()) + "%";
                String printed = c.ratePercent().signum() < 0 ? "下降" + rate : "增长" + rate;
                ledger.figure(key + ".rate", label + "增长率", c.ratePercent(), "percent", printed, "STATED",
                        "budget");
                clause.append("，").append(printed);
            }
            clauses.add(clause.toString());
        }
        return String.join("；", clauses);
    }

    private static String line(FigureLedger ledger, String key, String label, BudgetDocument.SpendingLine line) {
        String k = "budget.expenditure." + key;
        return label + "支出" + ledger.money(k + ".actual", label + "支出", line == null ? null : line.actual(), "budget")
                + "万元，支出进度" + ledger.percent(k + ".ratePercent", label + "支出进度",
                        line == null ? null : line.ratePercent(), "budget") + "%";
    }
}
