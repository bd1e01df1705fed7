package io.jixiao.report.writing;

import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.report.model.Held;
import io.jixiao.report.model.ReportModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a report's scores rest on the figures it shows. The budget, staff and asset snapshots reach this service
 * and assessment-service on their own; until the score of the newest figures has arrived here (or those figures have,
 * for a score computed from them), the report would show figures of one version beside scores of another. This says
 * which, in words, and what the report rests on; a report with something pending is not submitted.
 */
final class ScoreBasis {

    private ScoreBasis() {
    }

    /** What the report shows and what its scores rest on, and what does not agree. */
    static ReportModel.DataBasis of(ReportInputs in) {
        List<String> shown = new ArrayList<>();
        shown("预算收支及执行", in.budget(), shown);
        shown("人员情况", in.staff(), shown);
        shown("资产情况", in.assets(), shown);
        StringBuilder statement = new StringBuilder("本报告所列数据：")
                .append(shown.isEmpty() ? "尚无" : String.join("，", shown)).append("。");
        List<String> pending = new ArrayList<>();
        ScoreSnapshot score = in.scores() == null ? null : in.scores().payload();
        if (score == null) {
            if (!shown.isEmpty()) {
                pending.add("尚未收到依据上述数据计算的自评得分");
            }
        } else if (!score.scored()) {
            pending.add("尚未评分：" + score.statusReason());
        } else if (score.basis() == null) {
            pending.add("自评得分未载明所依据的数据版本");
        } else {
            ScoreSnapshot.Basis b = score.basis();
            statement.append("自评得分（第").append(in.scores().version()).append("版）依据：")
                    .append(String.join("，", List.of(basis("预算收支及执行", b.budget()), basis("人员情况", b.staff()),
                            basis("资产情况", b.assets()), basis("自评表", b.evaluation()))))
                    .append("。");
            compare("预算收支及执行", in.budget(), b.budget(), pending);
            compare("人员情况", in.staff(), b.staff(), pending);
            compare("资产情况", in.assets(), b.assets(), pending);
        }
        if (!pending.isEmpty()) {
            statement.append("自评得分尚未依据本报告所列的最新数据（").append(String.join("；", pending))
                    .append("），评分更新后方可报送。");
        }
        return new ReportModel.DataBasis(statement.toString(), List.copyOf(pending));
    }

    private static void shown(String label, Held<?> held, List<String> out) {
        if (held != null) {
            out.add(label + "第" + held.version() + "版（" + held.source() + "）");
        }
    }

    private static String basis(String label, Long version) {
        return label + (version == null ? "无" : "第" + version + "版");
    }

    private static void compare(String label, Held<?> held, Long scored, List<String> pending) {
        Long shown = held == null ? null : held.version();
        if (!Objects.equals(shown, scored)) {
            pending.add(label + "：报告为" + (shown == null ? "无" : "第" + shown + "版") + "，评分依据"
                    + (scored == null ? "无" : "第" + scored + "版"));
        }
    }
}
