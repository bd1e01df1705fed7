package io.jixiao.report.render;

import io.jixiao.commons.api.Finding;
import io.jixiao.commons.printing.Figures;
import io.jixiao.report.model.ReportModel.ReportFinding;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How findings print in the HTML, DOCX and PDF formats (template extensions for Qute, plain methods for POI). */
@TemplateExtension
public final class Printing {

    private Printing() {
    }

    /** The figures a finding involves: 财政下达资金指标 19531.57万元；年初下达 19393.072万元 … */
    public static String figuresText(ReportFinding f) {
        if (f.figures() == null || f.figures().isEmpty()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (Finding.FigureRef ref : f.figures()) {
            String label = ref.label() == null || ref.label().isBlank() ? ref.path() : ref.label();
            parts.add(label + " " + amount(ref.value(), ref.unit() != null ? ref.unit() : f.unit()));
        }
        return String.join("；", parts);
    }

    /** The difference (stated − expected) in the finding's unit, or — . */
    public static String differenceText(ReportFinding f) {
        return f.difference() == null ? "—" : amount(f.difference(), f.unit());
    }

    /** The unit's explanation, or what its absence means. */
    public static String explanationText(ReportFinding f) {
        if (f.explanation() != null) {
            return f.explanation();
        }
        return f.blocking() ? "未更正、未说明（阻止报送）" : "—";
    }

    /** 错误（ERROR） / 警告（WARNING） / 提示（INFO）. */
    public static String severityText(ReportFinding f) {
        if (f.severity() == null) {
            return "—";
        }
        return severityName(f.severity()) + "（" + f.severity() + "）";
    }

    /** A severity's Chinese name: 错误, 警告 or 提示; — when there is none. */
    public static String severityName(String severity) {
        if (severity == null) {
            return "—";
        }
        return switch (severity) {
            case "ERROR" -> "错误";
            case "WARNING" -> "警告";
            default -> "提示";
        };
    }

    static String amount(BigDecimal value, String unit) {
        if (value == null) {
            return "（缺）";
        }
        return Figures.format(value, unit);
    }
}
