package io.jixiao.report.service;

import io.jixiao.commons.printing.Figures;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import io.jixiao.events.personnel.AssetDocument;
import io.jixiao.events.personnel.StaffDocument;
import io.jixiao.report.model.NarrativeDocument;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.model.ReportModel.Block;
import io.jixiao.report.model.ReportModel.Figure;
import io.jixiao.report.model.ReportModel.ReportFinding;
import io.jixiao.report.model.ReportModel.ScoreRow;
import io.jixiao.report.model.ReportModel.ScoreTable;
import io.jixiao.report.model.ReportModel.Source;
import io.jixiao.report.model.ReportModel.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the report from its inputs, in the seed document's structure and phrasing (DESIGN §8). Sentences that
 * state figures are generated from the figures; prose comes from the unit's narratives. A figure that is missing
 * prints as {@code *} and becomes an INFO finding ({@code REPORT-MISSING-FIGURE}); a count the unit does not
 * disclose prints as {@code *} too, as in the seed; a section not written prints as 「（未填报）」. Nothing is
 * invented. Amounts print in 万元 with exactly the precision they have; stated rates as stated (96.04%, 100%).
 */
@ApplicationScoped
public class ReportWriter {

    /** What a missing figure prints as (the seed's placeholder). */
    public static final String MISSING = "*";
    /** What a section not written prints as. */
    public static final String NOT_FILLED = "（未填报）";

    static final String MISSING_FIGURE = "REPORT-MISSING-FIGURE";
    static final String MISSING_SOURCE = "REPORT-MISSING-SOURCE";
    static final String MISSING_NARRATIVE = "REPORT-MISSING-NARRATIVE";
    static final String UNKNOWN_CODE = "REPORT-UNKNOWN-CODE";

    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private final Labels labels;

    public ReportWriter(Labels labels) {
        this.labels = labels;
    }

    /** The report of a unit-year in the given variant. */
    public ReportModel write(ReportInputs in, Variant variant) {
        Draft d = new Draft(in);
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
            d.missingNarrative("addressee", "报送对象（如自治区财政厅）");
            addressee = NOT_FILLED;
        }
        StringBuilder opening = new StringBuilder("根据");
        if (n.notice() != null) {
            opening.append("《").append(n.notice()).append("》要求，");
        } else {
            d.missingNarrative("notice", "所依据的通知");
            opening.append("有关要求，");
        }
        if (n.openingContext() != null) {
            opening.append(n.openingContext()).append("，");
        }
        opening.append("我们形成了《").append(title).append("》，现反馈如下：");

        // 一、部门概况
        d.h1("一、部门概况");
        d.h2("（一）部门主要职责职能，组织架构、人员及资产等基本情况。");
        d.h3("1.主要职能");
        String functions = firstNonBlank(n.functions(), unit == null ? null : unit.functions());
        if (functions == null) {
            d.missingNarrative("functions", "主要职能");
            d.missingParagraph();
        } else {
            d.prose(functions);
        }
        d.h3("2.机构情况。");
        if (unit == null) {
            d.missingSource("units", "单位基本信息（units.snapshots）");
            d.missingParagraph();
        } else {
            d.p(bodies(d, shortName, unit));
        }
        d.h3("3.人员情况。");
        if (in.staff() == null) {
            d.missingSource("personnel", "人员情况（personnel.snapshots）");
            d.missingParagraph();
        } else {
            d.p(staff(d, self, in.staff().payload().staff()));
        }
        d.h3("4.资产情况。");
        if (in.assets() == null) {
            d.missingSource("assets", "资产情况（assets.snapshots）");
            d.missingParagraph();
        } else {
            d.p(assets(d, self, in.assets().payload().assets()));
        }
        d.h2("（二）当年部门履职总体目标、工作任务。");
        d.narrative(n.annualGoals(), "annualGoals", "当年部门履职总体目标、工作任务");
        d.h2("（三）当年部门年度整体支出绩效目标。");
        d.ordinalParagraphs(n.performanceGoals(), "performanceGoals", "年度整体支出绩效目标");
        d.h2("（四）部门预算绩效管理开展情况。");
        d.narrative(n.budgetPerformanceManagement(), "budgetPerformanceManagement", "部门预算绩效管理开展情况");
        d.h2("（五）当年部门预算及执行情况。");
        if (in.budget() == null) {
            d.missingSource("budget", "预算收支及执行（budget.snapshots）");
            d.lead("1.预算收入。", NOT_FILLED, true);
            d.lead("2.预算支出。", NOT_FILLED, true);
        } else {
            BudgetDocument budget = in.budget().payload().budget();
            d.lead("1.预算收入。", revenue(d, year, budget.revenue()), false);
            d.lead("2.预算支出。", expenditure(d, year, budget, n.expenditureRemark()), false);
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
        d.p(result(d, self, scores, n.resultApplication(), variant));

        ScoreTable annex = annex(scores);
        if (scores == null) {
            d.missingSource("scores", "部门整体支出绩效自评表（assessment.scores）");
        }

        List<ReportFinding> findings = variant == Variant.INTERNAL ? findings(in, d) : List.of();
        return new ReportModel(in.unitCode(), in.fiscalYear(), variant,
                unit != null ? unit.name() : shortName, title, yearLine, addressee, opening.toString(),
                List.copyOf(d.body), annex, findings, List.copyOf(d.figures.values()), sources(in), ScoreBasis.of(in));
    }

    // ---- 机构情况

    private String bodies(Draft d, String shortName, UnitSnapshot unit) {
        String internal = d.bodyCount("units.internalBodies.count", "内设机构数", unit.internalBodies());
        String affiliated = d.bodyCount("units.affiliatedInstitutions.count", "所属事业单位数",
                unit.affiliatedInstitutions());
        StringBuilder s = new StringBuilder(shortName).append("内设机构").append(internal).append("个");
        List<String> names = unit.internalBodies() == null || unit.internalBodies().names() == null ? List.of()
                : unit.internalBodies().names();
        if (!names.isEmpty()) {
            s.append("，包括").append(String.join("、", names)).append("等").append(internal).append("个处级机构");
        }
        s.append("，");
        List<String> affNames = unit.affiliatedInstitutions() == null
                || unit.affiliatedInstitutions().names() == null ? List.of() : unit.affiliatedInstitutions().names();
        if (!affNames.isEmpty()) {
            s.append(String.join("、", affNames)).append("等").append(affiliated).append("个所属事业单位。");
        } else {
            s.append("所属事业单位").append(affiliated).append("个。");
        }
        return s.toString();
    }

    // ---- 人员情况

    private String staff(Draft d, String self, StaffDocument staff) {
        StringBuilder s = new StringBuilder("截至").append(monthEnd(staff.asOf())).append("，").append(self)
                .append("在职干部职工共").append(d.persons("personnel.totalInService", "在职干部职工人数",
                        staff.totalInService())).append("人");
        List<String> clauses = new ArrayList<>();
        StringBuilder payroll = new StringBuilder();
        if (staff.onPayroll() != null) {
            payroll.append("纳入工资统发系统供养的在职干部职工")
                    .append(d.persons("personnel.onPayroll", "纳入工资统发系统供养的在职干部职工人数", staff.onPayroll()))
                    .append("人");
        }
        List<String> categories = new ArrayList<>();
        for (StaffDocument.StaffCategory c : staff.categories() == null ? List.<StaffDocument.StaffCategory>of()
                : staff.categories()) {
            String name = labels.category(c.category()).orElseGet(() -> d.unknownCode("personnel.categories",
                    "人员类别", c.category()));
            StringBuilder cat = new StringBuilder(name)
                    .append(d.persons("personnel.categories." + c.category() + ".headcount", name + "人数",
                            c.headcount())).append("人");
            if (c.including() != null && !c.including().isEmpty()) {
                List<String> subs = new ArrayList<>();
                for (StaffDocument.Subgroup g : c.including()) {
                    subs.add(g.name() + d.persons("personnel.categories." + c.category() + ".including." + g.name(),
                            name + "其中" + g.name() + "人数", g.headcount()) + "人");
                }
                cat.append("（").append(String.join("、", subs)).append("）");
            }
            categories.add(cat.toString());
        }
        if (!categories.isEmpty()) {
            payroll.append(payroll.length() > 0 ? "，其中：" : "其中：").append(String.join("、", categories));
        }
        if (payroll.length() > 0) {
            clauses.add(payroll.toString());
        }
        for (StaffDocument.OtherPersons o : staff.others() == null ? List.<StaffDocument.OtherPersons>of()
                : staff.others()) {
            String count = d.persons("personnel.others." + o.name(), o.name() + "人数", o.headcount());
            if (Boolean.TRUE.equals(o.paidFromPersonnelFunds())) {
                String described = o.note() != null && o.note().endsWith(o.name()) ? o.note()
                        : "人员经费中发放工资的" + o.name();
                clauses.add(self + described + count + "人");
            } else {
                clauses.add(o.name() + count + "人");
            }
        }
        if (clauses.size() == 1) {
            s.append("，").append(clauses.get(0));
        } else if (clauses.size() > 1) {
            s.append("，");
            for (int i = 0; i < clauses.size(); i++) {
                s.append(i == 0 ? "" : "；").append(ordinal(i + 1)).append("是").append(clauses.get(i));
            }
        }
        s.append("。");

        // 与上年对比
        Integer change = staff.statedChange();
        String changeStatus = "STATED";
        if (change == null && staff.previousYearTotal() != null && staff.totalInService() != null) {
            change = staff.totalInService() - staff.previousYearTotal();
            changeStatus = "DERIVED";
        }
        if (staff.previousYearTotal() != null) {
            d.figure("personnel.previousYearTotal", "上年在职干部职工人数",
                    BigDecimal.valueOf(staff.previousYearTotal()), "persons", staff.previousYearTotal() + "人",
                    "STATED");
        }
        s.append("与上年对比干部职工人员");
        if (change == null) {
            s.append("增减").append(d.missing("personnel.statedChange", "与上年对比增减人数", "persons", "personnel"))
                    .append("人");
        } else {
            String printed = change < 0 ? "减少" + (-change) + "人" : change > 0 ? "增加" + change + "人" : "持平";
            d.figure("personnel.statedChange", "与上年对比增减人数", BigDecimal.valueOf(change), "persons", printed,
                    changeStatus);
            s.append(printed);
        }
        List<String> outs = new ArrayList<>();
        List<String> ins = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (StaffDocument.Movement m : staff.movements() == null ? List.<StaffDocument.Movement>of()
                : staff.movements()) {
            if (m.count() == null || m.count() == 0) {
                continue;
            }
            var label = labels.movement(m.kind());
            String name = label.map(Labels.MovementLabel::name)
                    .orElseGet(() -> d.unknownCode("personnel.movements", "人员变动类型", m.kind()));
            String text = name + d.persons("personnel.movements." + m.kind(), name + "人数", m.count()) + "人";
            if (label.isEmpty()) {
                unknown.add(text);
            } else if (label.get().direction() == Labels.Direction.OUT) {
                outs.add(text);
            } else {
                ins.add(text);
            }
        }
        List<String> groups = new ArrayList<>();
        if (!outs.isEmpty()) {
            groups.add(String.join("，", outs));
        }
        if (!ins.isEmpty()) {
            groups.add(String.join("、", ins));
        }
        if (!unknown.isEmpty()) {
            groups.add(String.join("、", unknown));
        }
        if (!groups.isEmpty()) {
            s.append("，是因当年").append(self).append(String.join("，", groups));
        }
        s.append("。");
        return s.toString();
    }

    // ---- 资产情况

    private String assets(Draft d, String self, AssetDocument assets) {
        StringBuilder s = new StringBuilder("截至").append(fullDate(assets.asOf())).append("，").append(self);
        s.append(assetClass(d, "fixedAssets", "自用固定资产", assets.fixedAssets(), "待处置", "资产"));
        s.append("；");
        s.append(assetClass(d, "intangibleAssets", "自用无形资产", assets.intangibleAssets(),
                "待处置（待报废、毁损等）", "无形资产"));
        s.append("。");
        return s.toString();
    }

    private String assetClass(Draft d, String key, String label, AssetDocument.AssetStates states,
            String disposalLabel, String noun) {
        String k = "assets." + key;
        if (states == null) {
            return label + d.money(k + ".total", label, null, "assets") + "万元";
        }
        StringBuilder s = new StringBuilder(label).append(d.money(k + ".total", label, states.total(), "assets"))
                .append("万元，其中在用").append(d.money(k + ".inUse", label + "在用", states.inUse(), "assets"))
                .append("万元，");
        boolean noIdle = zero(states.idle());
        boolean noDisposal = zero(states.awaitingDisposal());
        if (states.idle() != null) {
            d.money(k + ".idle", label + "闲置", states.idle(), "assets");
        }
        if (states.awaitingDisposal() != null) {
            d.money(k + ".awaitingDisposal", label + "待处置", states.awaitingDisposal(), "assets");
        }
        if (noIdle && noDisposal) {
            s.append("无闲置、").append(disposalLabel).append(noun);
        } else {
            String idle = noIdle ? "无闲置" + noun
                    : "闲置" + d.money(k + ".idle", label + "闲置", states.idle(), "assets") + "万元";
            String disposal = noDisposal ? "无" + disposalLabel + noun
                    : disposalLabel + d.money(k + ".awaitingDisposal", label + "待处置", states.awaitingDisposal(),
                            "assets") + "万元";
            s.append(idle).append("，").append(disposal);
        }
        return s.toString();
    }

    // ---- 预算收入

    private String revenue(Draft d, String year, BudgetDocument.Revenue r) {
        if (r == null) {
            r = new BudgetDocument.Revenue(null, null, null, null, null, null);
        }
        StringBuilder s = new StringBuilder(year).append("年财政下达资金指标")
                .append(d.money("budget.revenue.allocatedTotal", "财政下达资金指标", r.allocatedTotal(), "budget"))
                .append("万元，其中年初下达");
        String initial = d.money("budget.revenue.initialAllocation", "年初下达", r.initialAllocation(), "budget");
        List<BudgetDocument.FundingSource> sources = r.initialAllocationBySource() == null ? List.of()
                : r.initialAllocationBySource();
        if (sources.size() == 1) {
            s.append(sources.get(0).source()).append("收入").append(initial).append("万元");
        } else if (sources.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (BudgetDocument.FundingSource f : sources) {
                parts.add(f.source() + d.money("budget.revenue.initialAllocationBySource." + f.source(),
                        "年初下达" + f.source(), f.amount(), "budget") + "万元");
            }
            s.append("资金").append(initial).append("万元（其中").append(String.join("、", parts)).append("）");
        } else {
            s.append("资金").append(initial).append("万元");
        }
        s.append("，上年结转资金").append(d.money("budget.revenue.carryover", "上年结转", r.carryover(), "budget"))
                .append("万元，年中追加资金")
                .append(d.money("budget.revenue.midYearAdditions", "年中追加", r.midYearAdditions(), "budget"))
                .append("万元，年底收回资金");
        BudgetDocument.Breakdown recoveries = r.yearEndRecoveries();
        s.append(d.money("budget.revenue.yearEndRecoveries.total", "年底收回",
                recoveries == null ? null : recoveries.total(), "budget")).append("万元");
        if (recoveries != null && recoveries.items() != null && !recoveries.items().isEmpty()) {
            List<String> items = new ArrayList<>();
            for (BudgetDocument.BreakdownItem item : recoveries.items()) {
                String text = item.category() + "收回" + d.money("budget.revenue.yearEndRecoveries." + item.category(),
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

    // ---- 预算支出

    private String expenditure(Draft d, String year, BudgetDocument budget, String remark) {
        BudgetDocument.Expenditure e = budget.expenditure();
        if (e == null) {
            e = new BudgetDocument.Expenditure(null, null, null, null, null, null, null);
        }
        StringBuilder s = new StringBuilder(year).append("年财政资金总支出")
                .append(d.money("budget.expenditure.total", "财政资金总支出", e.total(), "budget"))
                .append("万元，结转资金")
                .append(d.money("budget.expenditure.carriedForward", "结转资金", e.carriedForward(), "budget"))
                .append("万元");
        if (e.surplus() != null) {
            s.append("，结余资金").append(d.money("budget.expenditure.surplus", "结余资金", e.surplus(), "budget"))
                    .append("万元");
        }
        s.append("，支出进度").append(d.percent("budget.expenditure.executionRatePercent", "支出进度",
                e.executionRatePercent(), "budget")).append("%。其中，");
        List<String> lines = new ArrayList<>();
        lines.add(line(d, "personnel", "人员经费", e.personnel()));
        lines.add(line(d, "publicFunds", "公用经费", e.publicFunds()));
        lines.add(line(d, "projects", "项目资金", e.projects()));
        BudgetDocument.ThreePublicExpenses three = budget.threePublicExpenses();
        StringBuilder threeText = new StringBuilder("“三公”经费支出").append(d.money("budget.threePublicExpenses.actual",
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

    private String line(Draft d, String key, String label, BudgetDocument.SpendingLine line) {
        String k = "budget.expenditure." + key;
        return label + "支出" + d.money(k + ".actual", label + "支出", line == null ? null : line.actual(), "budget")
                + "万元，支出进度" + d.percent(k + ".ratePercent", label + "支出进度",
                        line == null ? null : line.ratePercent(), "budget") + "%";
    }

    // ---- 四、自评结果

    private String result(Draft d, String self, ScoreSnapshot scores, String application, Variant variant) {
        StringBuilder s = new StringBuilder("根据《部门整体支出绩效自评表》，").append(self).append("自评结果为");
        BigDecimal declared = scores == null ? null : scores.declaredTotal();
        s.append(d.points("scores.declaredTotal", "自评得分（申报）", declared)).append("分");
        if (scores != null && scores.total() != null) {
            String computed = points(scores.total());
            d.figure("scores.total", "系统计算得分", scores.total(), "points", computed + "分", "STATED");
            if (variant == Variant.INTERNAL) {
                s.append("（系统按指标体系计算得分为").append(computed).append("分");
                if (scores.grade() != null) {
                    s.append("，等级为“").append(scores.grade()).append("”");
                }
                s.append("）");
            }
        }
        if (application == null) {
            d.missingNarrative("resultApplication", "绩效自评结果拟应用和公开情况");
            s.append("。");
        } else {
            s.append("，").append(application.strip());
        }
        return s.toString();
    }

    // ---- 自评表

    private ScoreTable annex(ScoreSnapshot scores) {
        if (scores == null) {
            return new ScoreTable(false, null, List.of(), null, null, null, null, "尚未收到评分数据");
        }
        if (!scores.scored()) {
            return new ScoreTable(false, null, List.of(), null, null, null, null, "尚未评分：" + scores.statusReason());
        }
        List<ScoreRow> rows = new ArrayList<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (ScoreSnapshot.IndicatorResult r : scores.indicators() == null ? List.<ScoreSnapshot.IndicatorResult>of()
                : scores.indicators()) {
            if (r.level() == 1 && r.weight() != null) {
                weights = weights.add(r.weight());
            }
            String score = r.assessable() && r.score() != null ? points(r.score()) : "不可评";
            String note = r.assessable() ? r.explanation() : r.notAssessableReason();
            rows.add(new ScoreRow(r.code(), r.name(), r.level(), dash(r.target()), dash(r.actual()),
                    r.weight() == null ? "—" : points(r.weight()), score,
                    r.declaredScore() == null ? "—" : points(r.declaredScore()), dash(r.deviation()), r.assessable(),
                    note));
        }
        String framework = scores.framework() == null ? null
                : scores.framework().name() + "（" + scores.framework().id() + " v" + scores.framework().version() + "）";
        return new ScoreTable(true, framework, rows, points(weights),
                scores.total() == null ? "—" : points(scores.total()),
                scores.declaredTotal() == null ? MISSING : points(scores.declaredTotal()),
                scores.grade() == null ? "—" : scores.grade(), null);
    }

    // ---- findings and sources

    private List<ReportFinding> findings(ReportInputs in, Draft d) {
        List<ReportFinding> out = new ArrayList<>();
        if (in.budget() != null) {
            add(out, "budget", in.budget().payload().findings(), in.explanations());
        }
        if (in.staff() != null) {
            add(out, "personnel", in.staff().payload().findings(), in.explanations());
        }
        if (in.assets() != null) {
            add(out, "assets", in.assets().payload().findings(), in.explanations());
        }
        if (in.scores() != null) {
            add(out, "scores", in.scores().payload().findings(), in.explanations());
        }
        add(out, "report", d.findings, in.explanations());
        return out;
    }

    private static void add(List<ReportFinding> out, String origin, List<Finding> findings,
            Map<String, String> explanations) {
        if (findings == null) {
            return;
        }
        for (Finding f : findings) {
            String explanation = explanations == null ? null : explanations.get(f.ruleId());
            boolean blocking = f.severity() == Severity.ERROR && explanation == null;
            out.add(new ReportFinding(origin, f.ruleId(), f.severity() == null ? null : f.severity().name(), f.title(),
                    f.message(), f.figures() == null ? List.of() : f.figures(), f.expected(), f.stated(),
                    f.difference(), f.unit(), f.subject(), explanation, blocking));
        }
    }

    private static List<Source> sources(ReportInputs in) {
        List<Source> out = new ArrayList<>();
        source(out, "units", in.unit());
        source(out, "budget", in.budget());
        source(out, "personnel", in.staff());
        source(out, "assets", in.assets());
        source(out, "scores", in.scores());
        return out;
    }

    private static void source(List<Source> out, String kind, ReadModel.Held<?> held) {
        if (held != null) {
            out.add(new Source(kind, held.version(), held.eventId(), held.source(), held.actor(),
                    held.occurredAt() == null ? null : held.occurredAt().toInstant().toString()));
        }
    }

    // ---- formatting

    /** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一. */
    static String ordinal(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + DIGITS[ones];
    }

    /** Points with at most two decimals: 95.00 → 95, 88.5 → 88.5. */
    static String points(BigDecimal value) {
        return Figures.points(value);
    }

    /** A stated rate as the seed prints it: 96.04 → 96.04, 100.00 → 100. */
    static String percent(BigDecimal value) {
        return Figures.percent(value);
    }

    /** 2024-12-31 → 2024年12月底; another day → 2024年6月15日. */
    static String monthEnd(LocalDate date) {
        if (date == null) {
            return MISSING;
        }
        if (date.getDayOfMonth() == date.lengthOfMonth()) {
            return date.getYear() + "年" + date.getMonthValue() + "月底";
        }
        return fullDate(date);
    }

    static String fullDate(LocalDate date) {
        if (date == null) {
            return MISSING;
        }
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static boolean zero(BigDecimal value) {
        return value != null && value.signum() == 0;
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    private static String stripEnd(String s) {
        String t = s.strip();
        while (!t.isEmpty() && "。；;.，,".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** The report being written: its blocks, the figures it states, and what it found missing. */
    private static final class Draft {

        final ReportInputs in;
        final List<Block> body = new ArrayList<>();
        final Map<String, Figure> figures = new LinkedHashMap<>();
        final List<Finding> findings = new ArrayList<>();

        Draft(ReportInputs in) {
            this.in = in;
        }

        void h1(String text) {
            body.add(Block.h1(text));
        }

        void h2(String text) {
            body.add(Block.h2(text));
        }

        void h3(String text) {
            body.add(Block.h3(text));
        }

        void p(String text) {
            body.add(Block.p(text));
        }

        void lead(String lead, String text, boolean missing) {
            body.add(new Block(ReportModel.BlockStyle.PARAGRAPH, lead, text, missing));
        }

        void missingParagraph() {
            body.add(new Block(ReportModel.BlockStyle.PARAGRAPH, null, NOT_FILLED, true));
        }

        /** Prose as written: one paragraph per line. */
        void prose(String text) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    p(line.strip());
                }
            }
        }

        void narrative(String text, String key, String label) {
            if (text == null) {
                missingNarrative(key, label);
                missingParagraph();
            } else {
                prose(text);
            }
        }

        /** 一是…, 二是…, each its own paragraph. */
        void ordinalParagraphs(List<String> items, String key, String label) {
            if (items == null || items.isEmpty()) {
                missingNarrative(key, label);
                missingParagraph();
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                p(ordinal(i + 1) + "是" + items.get(i).strip());
            }
        }

        /** 一是…；二是…。 in one paragraph. */
        void ordinalSentence(List<String> items, String key, String label) {
            if (items == null || items.isEmpty()) {
                missingNarrative(key, label);
                missingParagraph();
                return;
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
                s.append(i == 0 ? "" : "；").append(ordinal(i + 1)).append("是").append(stripEnd(items.get(i)));
            }
            p(s.append("。").toString());
        }

        /** 1.…, 2.…, each its own paragraph. */
        void numberedParagraphs(List<String> items, String key, String label) {
            if (items == null || items.isEmpty()) {
                missingNarrative(key, label);
                missingParagraph();
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                p((i + 1) + "." + items.get(i).strip());
            }
        }

        String money(String key, String label, BigDecimal yuan, String origin) {
            if (yuan == null) {
                return missing(key, label, "yuan", origin);
            }
            String wan = Figures.wan(yuan);
            figure(key, label, yuan, "yuan", wan + "万元", "STATED", origin);
            return wan;
        }

        String persons(String key, String label, Integer count) {
            if (count == null) {
                return missing(key, label, "persons", "personnel");
            }
            figure(key, label, BigDecimal.valueOf(count), "persons", count + "人", "STATED", "personnel");
            return count.toString();
        }

        String percent(String key, String label, BigDecimal value, String origin) {
            if (value == null) {
                return missing(key, label, "percent", origin);
            }
            String printed = ReportWriter.percent(value);
            figure(key, label, value, "percent", printed + "%", "STATED", origin);
            return printed;
        }

        String points(String key, String label, BigDecimal value) {
            if (value == null) {
                return in.scores() == null ? MISSING : missing(key, label, "points", "scores");
            }
            String printed = ReportWriter.points(value);
            figure(key, label, value, "points", printed + "分", "STATED", "scores");
            return printed;
        }

        /** A count of bodies: disclosed, withheld (the seed's *, not a finding) or missing (a finding). */
        String bodyCount(String key, String label, UnitSnapshot.Bodies bodies) {
            if (bodies == null) {
                return missing(key, label, "count", "units");
            }
            if (!bodies.countDisclosed() || bodies.count() == null) {
                figure(key, label, null, "count", MISSING, "NOT_DISCLOSED", "units");
                return MISSING;
            }
            figure(key, label, BigDecimal.valueOf(bodies.count()), "count", bodies.count() + "个", "STATED", "units");
            return bodies.count().toString();
        }

        void figure(String key, String label, BigDecimal value, String unit, String printed, String status) {
            figure(key, label, value, unit, printed, status, key.substring(0, key.indexOf('.')));
        }

        void figure(String key, String label, BigDecimal value, String unit, String printed, String status,
                String origin) {
            figures.putIfAbsent(key, new Figure(key, label, value, unit, printed, status, origin));
        }

        String missing(String key, String label, String unit, String origin) {
            if (!figures.containsKey(key)) {
                figure(key, label, null, unit, MISSING, "MISSING", origin);
                findings.add(new Finding(MISSING_FIGURE, Severity.INFO, "报告所需数据未填报",
                        label + "未填报，报告中以“" + MISSING + "”示缺", List.of(new Finding.FigureRef(key, label, null)),
                        null, null, null, unit, key));
            }
            return MISSING;
        }

        String unknownCode(String key, String label, String code) {
            findings.add(new Finding(UNKNOWN_CODE, Severity.INFO, "报告不认识的代码",
                    label + "代码“" + code + "”不在报告的代码表中，报告中原样显示代码", List.of(), null, null, null, null,
                    key + "." + code));
            return code;
        }

        void missingSource(String kind, String label) {
            findings.add(new Finding(MISSING_SOURCE, Severity.INFO, "报告所需数据尚未报送",
                    "尚未收到" + label + "，相关内容以“" + NOT_FILLED + "”或“" + MISSING + "”示缺", List.of(), null, null,
                    null, null, kind));
        }

        void missingNarrative(String key, String label) {
            findings.add(new Finding(MISSING_NARRATIVE, Severity.INFO, "报告文字部分未填写",
                    label + "未填写，报告中以“" + NOT_FILLED + "”示缺", List.of(), null, null, null, null,
                    "narratives." + key));
        }
    }
}
