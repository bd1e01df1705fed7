package io.jixiao.report.writing;

import static io.jixiao.report.writing.ChineseText.MISSING;
import static io.jixiao.report.writing.ChineseText.dash;

import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.report.model.ReportModel.ScoreRow;
import io.jixiao.report.model.ReportModel.ScoreTable;
import io.jixiao.report.model.ReportModel.Variant;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 四、绩效自评结果: the declared total (and, internally, the computed one with its grade), and the annex 部门整体支出
 * 绩效自评表 with every indicator, or why there is none yet.
 */
final class ScoreSection {

    private ScoreSection() {
    }

    static String result(FigureLedger ledger, String self, ScoreSnapshot scores, String application, Variant variant) {
        StringBuilder s = new StringBuilder("根据《部门整体支出绩效自评表》，").append(self).append("自评结果为");
        BigDecimal declared = scores == null ? null : scores.declaredTotal();
        s.append(ledger.points("scores.declaredTotal", "自评得分（申报）", declared, scores != null)).append("分");
        if (scores != null && scores.total() != null) {
            String computed = ChineseText.points(scores.total());
            ledger.figure("scores.total", "系统计算得分", scores.total(), "points", computed + "分", "STATED");
            if (variant == Variant.INTERNAL) {
                s.append(verified(scores, computed));
            }
        }
        if (application == null) {
            ledger.missingNarrative("resultApplication", "绩效自评结果拟应用和公开情况");
            s.append("。");
        } else {
            s.append("，").append(application.strip());
        }
        return s.toString();
    }

    /**
     * What the system verified, as the report says it: a grade only where the coverage reaches the framework's
     * threshold; below it, how many indicators (and how much weight) rest on evidence, and how many wait for it.
     */
    private static String verified(ScoreSnapshot scores, String computed) {
        // the framework's indicators: a heading under which the unit set its own (个性指标) counts as one
        Set<String> parents = new HashSet<>();
        List<ScoreSnapshot.IndicatorResult> all = scores.indicators() == null ? List.of() : scores.indicators();
        all.stream().filter(ScoreSnapshot.IndicatorResult::ofFramework).forEach(r -> parents.add(r.parentCode()));
        int assessed = 0;
        int waiting = 0;
        BigDecimal weight = BigDecimal.ZERO;
        for (ScoreSnapshot.IndicatorResult r : all) {
            if (parents.contains(r.code()) || !r.ofFramework()) {
                continue;
            }
            if (r.assessable()) {
                assessed++;
                weight = weight.add(r.weight() == null ? BigDecimal.ZERO : r.weight());
            } else {
                waiting++;
            }
        }
        if (scores.status() == ScoreSnapshot.Status.INCOMPLETE) {
            return "；系统已核验指标" + assessed + "项（权重" + ChineseText.points(weight) + "分，得" + computed + "分），其余"
                    + waiting + "项待补充依据，暂不评定等级";
        }
        StringBuilder s = new StringBuilder("（系统按指标体系计算得分为").append(computed).append("分");
        if (scores.grade() != null) {
            s.append("，等级为“").append(scores.grade()).append("”");
        }
        if (waiting == 0) {
            s.append("，已核验全部").append(assessed).append("项指标");
        } else {
            s.append("，已核验指标").append(assessed).append("项（权重").append(ChineseText.points(weight))
                    .append("分），其余").append(waiting).append("项待补充依据");
        }
        return s.append("）").toString();
    }

    static ScoreTable annex(ScoreSnapshot scores) {
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
            String score = r.assessable() && r.score() != null ? ChineseText.points(r.score()) : "不可评";
            String note = r.assessable() ? r.explanation() : r.notAssessableReason();
            rows.add(new ScoreRow(r.code(), r.name(), r.level(), dash(r.target()), dash(r.actual()),
                    r.weight() == null ? "—" : ChineseText.points(r.weight()), score,
                    r.declaredScore() == null ? "—" : ChineseText.points(r.declaredScore()), dash(r.deviation()), r.assessable(),
                    note));
        }
        String framework = scores.framework() == null ? null
                : scores.framework().name() + "（" + scores.framework().id() + " v" + scores.framework().version() + "）";
        return new ScoreTable(true, framework, rows, ChineseText.points(weights),
                scores.total() == null ? "—" : ChineseText.points(scores.total()),
                scores.declaredTotal() == null ? MISSING : ChineseText.points(scores.declaredTotal()),
                scores.grade() != null ? scores.grade()
                        : scores.status() == ScoreSnapshot.Status.INCOMPLETE ? "待补充" : "—", null);
    }
}
