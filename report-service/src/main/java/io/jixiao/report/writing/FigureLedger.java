package io.jixiao.report.writing;

import static io.jixiao.report.writing.ChineseText.MISSING;
import static io.jixiao.report.writing.ChineseText.NOT_FILLED;

import io.jixiao.commons.printing.Figures;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import io.jixiao.report.model.ReportModel.Figure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure a report states, as it prints it, with its value, unit and where it came from; and what the report
 * found missing. A figure that is missing prints as {@code *} and becomes an INFO finding
 * ({@code REPORT-MISSING-FIGURE}) the first time it is asked for; a count the unit does not disclose prints as
 * {@code *} too, as in the seed, without a finding.
 */
final class FigureLedger {

    static final String MISSING_FIGURE = "REPORT-MISSING-FIGURE";
    static final String MISSING_SOURCE = "REPORT-MISSING-SOURCE";
    static final String MISSING_NARRATIVE = "REPORT-MISSING-NARRATIVE";
    static final String UNKNOWN_CODE = "REPORT-UNKNOWN-CODE";

    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    /** Yuan as 万元 (the number only), or {@code *}. */
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
        String printed = ChineseText.percent(value);
        figure(key, label, value, "percent", printed + "%", "STATED", origin);
        return printed;
    }

    /** Points, or {@code *}: a finding only once the scores have arrived (before, the missing source says it). */
    String points(String key, String label, BigDecimal value, boolean scoresArrived) {
        if (value == null) {
            return scoresArrived ? missing(key, label, "points", "scores") : MISSING;
        }
        String printed = ChineseText.points(value);
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

    /** The value of a figure the report has stated already, or null. */
    BigDecimal valueOf(String key) {
        Figure figure = figures.get(key);
        return figure == null ? null : figure.value();
    }

    /** A figure the report states (the first statement of a key counts), its origin the key's first segment. */
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

    /** A code the report has no wording for: printed as the code, and an INFO finding. */
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

    List<Figure> figures() {
        return List.copyOf(figures.values());
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }
}
