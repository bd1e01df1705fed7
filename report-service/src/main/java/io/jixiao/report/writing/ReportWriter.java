package io.jixiao.report.writing;

import static io.jixiao.report.writing.ChineseText.NOT_FILLED;
import static io.jixiao.report.writing.ChineseText.firstNonBlank;

import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.report.model.NarrativeDocument;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.model.ReportModel.ReportFinding;
import io.jixiao.report.model.ReportModel.ScoreTable;
import io.jixiao.report.model.ReportModel.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the report from its inputs, in the seed document's structure and phrasing (DESIGN §8): the outline is here,
 * each section that states figures has a writer of its own, and every figure stated goes through the
 * {@link FigureLedger}. Prose comes from the unit's narratives. A figure that is missing prints as {@code *} and
 * becomes an INFO finding; a count the unit does not disclose prints as {@code *} too, as in the seed; a section not
 * written prints as 「（未填报）」. Nothing is invented. Amounts print in 万元 with exactly the precision they have;
 * stated rates as stated (96.04%, 100%).
 */
@ApplicationScoped
public class ReportWriter {

    private final StaffSection staff;

    public ReportWriter(Labels labels) {
        this.staff = new StaffSection(labels);
    }

    /** The report of a unit-year in the given variant. */
    public ReportModel write(ReportInputs in, Variant variant) {
        FigureLedger ledger = new FigureLedger();
        ReportDraft d = new ReportDraft(ledger);
        NarrativeDocument n = in.narratives() == null ? NarrativeDocument.empty() : in.narratives();
        UnitSnapshot unit = in.unit() == null ? null : in.unit().payload();

        String shortName = firstNonBlank(n.unitShortName(),
                unit != null && unit.aliases() != null && !unit.aliases().isEmpty() ? unit.aliases().get(0) : null,
                unit != null ? unit.name() : null, in.unitCode());
        String self = firstNonBlank(n.selfReference(), "我单位");
        String year = Integer.toString(in.fiscalYear());
        String title = shortName + "整体支出绩效自评报告";
        String yearLine = "（" + year + "年度）";

        String addressee = n.addressee();
        if (addressee == null) {
            ledger.missingNarrative("addressee", "报送对象（如自治区财政厅）");
            addressee = NOT_FILLED;
        }
        String opening = opening(ledger, n, title);

        // 一、部门概况
        d.h1("一、部门概况");
        d.h2("（一）部门主要职责职能，组织架构、人员及资产等基本情况。");
        d.h3("1.主要职能");
        String functions = firstNonBlank(n.functions(), unit == null ? null : unit.functions());
        if (functions == null) {
            ledger.missingNarrative("functions", "主要职能");
            d.missingParagraph();
        } else {
            d.prose(functions);
        }
        d.h3("2.机构情况。");
        if (unit == null) {
            ledger.missingSource("units", "单位基本信息（units.snapshots）");
            d.missingParagraph();
        } else {
            d.p(OrganisationSection.write(ledger, shortName, unit));
        }
        d.h3("3.人员情况。");
        if (in.staff() == null) {
            ledger.missingSource("personnel", "人员情况（personnel.snapshots）");
            d.missingParagraph();
        } else {
            d.p(staff.write(ledger, self, in.staff().payload().staff()));
        }
        d.h3("4.资产情况。");
        if (in.assets() == null) {
            ledger.missingSource("assets", "资产情况（assets.snapshots）");
            d.missingParagraph();
        } else {
            d.p(AssetSection.write(ledger, self, in.assets().payload().assets()));
        }
        d.h2("（二）当年部门履职总体目标、工作任务。");
        d.narrative(n.annualGoals(), "annualGoals", "当年部门履职总体目标、工作任务");
        d.h2("（三）当年部门年度整体支出绩效目标。");
        d.ordinalParagraphs(n.performanceGoals(), "performanceGoals", "年度整体支出绩效目标");
        d.h2("（四）部门预算绩效管理开展情况。");
        d.narrative(n.budgetPerformanceManagement(), "budgetPerformanceManagement", "部门预算绩效管理开展情况");
        d.h2("（五）当年部门预算及执行情况。");
        if (in.budget() == null) {
            ledger.missingSource("budget", "预算收支及执行（budget.snapshots）");
            d.lead("1.预算收入。", NOT_FILLED, true);
            d.lead("2.预算支出。", NOT_FILLED, true);
        } else {
            budget(d, ledger, year, in.budget().payload().budget(), n.expenditureRemark());
        }

        // 二、部门整体支出绩效实现情况
        d.h1("二、部门整体支出绩效实现情况");
        d.h2("（一）履职完成情况。");
        d.narrative(n.dutyCompletion(), "dutyCompletion", "履职完成情况");
        d.h2("（二）履职效果情况。");
        d.ordinalSentence(n.dutyEffects(), "dutyEffects", "履职效果情况");
        d.h2("（三）社会满意度及可持续性影响。");
        d.narrative(n.satisfactionAndSustainability(), "satisfactionAndSustainability", "社会满意度及可持续性影响");

        // 三、存在问题及改进措施
        d.h1("三、部门整体支出绩效中存在问题及改进措施");
        d.h2("（一）部门整体支出绩效中存在问题");
        d.numberedParagraphs(n.problems(), "problems", "存在问题");
        d.h2("（二）改进措施");
        d.numberedParagraphs(n.improvements(), "improvements", "改进措施");

        // 四、绩效自评结果拟应用和公开情况
        d.h1("四、绩效自评结果拟应用和公开情况");
        ScoreSnapshot scores = in.scores() == null ? null : in.scores().payload();
        d.p(ScoreSection.result(ledger, self, scores, n.resultApplication(), variant));
        ScoreTable annex = ScoreSection.annex(scores);
        if (scores == null) {
            ledger.missingSource("scores", "部门整体支出绩效自评表（assessment.scores）");
        }

        List<ReportFinding> findings = variant == Variant.INTERNAL
                ? ReportFindings.findings(in, ledger.findings()) : List.of();
        return new ReportModel(in.unitCode(), in.fiscalYear(), variant,
                unit != null ? unit.name() : shortName, title, yearLine, addressee, opening, d.blocks(), annex,
                findings, ledger.figures(), ReportFindings.sources(in), ScoreBasis.of(in));
    }

    /** 根据《…通知》要求，…，我们形成了《…》，现反馈如下： */
    private static String opening(FigureLedger ledger, NarrativeDocument n, String title) {
        StringBuilder opening = new StringBuilder("根据");
        if (n.notice() != null) {
            opening.append("《").append(n.notice()).append("》要求，");
        } else {
            ledger.missingNarrative("notice", "所依据的通知");
            opening.append("有关要求，");
        }
        if (n.openingContext() != null) {
            opening.append(n.openingContext()).append("，");
        }
        return opening.append("我们形成了《").append(title).append("》，现反馈如下：").toString();
    }

    /**
     * 一（五）: the 财政资金 view (1.预算收入, 2.预算支出) unless the unit states its final accounts only, then the final
     * accounts (决算收支), and the changes from the year before the unit states, after the figures they compare.
     */
    private static void budget(ReportDraft d, FigureLedger ledger, String year, BudgetDocument budget,
            String expenditureRemark) {
        List<String[]> leads = new ArrayList<>();
        boolean fiscal = BudgetSection.statesFiscalView(budget) || budget.finalAccounts() == null;
        if (fiscal) {
            leads.add(new String[] {"1.预算收入。", BudgetSection.revenue(ledger, year, budget.revenue())});
            leads.add(new String[] {"2.预算支出。", BudgetSection.expenditure(ledger, year, budget, expenditureRemark)});
        }
        if (budget.finalAccounts() != null) {
            leads.add(new String[] {(fiscal ? "3" : "1") + ".决算收支。",
                    FinalAccountsSection.write(ledger, year, budget.finalAccounts())});
        }
        String[] last = leads.get(leads.size() - 1);
        last[1] = last[1] + BudgetSection.comparedWithLastYear(ledger, budget);
        for (String[] lead : leads) {
            d.lead(lead[0], lead[1], false);
        }
    }
}
