package io.jixiao.report.render;

import io.jixiao.report.model.ReportModel;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders a report as (X)HTML with the Qute template {@code templates/report.html}; also the PDF's source. */
@ApplicationScoped
public class HtmlRenderer {

    /** The fonts a browser tries, in order. */
    static final String BROWSER_FONTS = "SimSun, Songti SC, Noto Serif CJK SC, Source Han Serif SC, "
            + "WenQuanYi Zen Hei, serif";

    private final Template template;

    public HtmlRenderer(@Location("report.html") Template template) {
        this.template = template;
    }

    /** HTML for a browser. */
    public String render(ReportModel report) {
        return render(report, BROWSER_FONTS);
    }

    /** HTML with the given CSS font stack (the PDF renderer names its embedded font). */
    public String render(ReportModel report, String fontStack) {
        return template.data("report", report)
                .data("internal", report.variant() == ReportModel.Variant.INTERNAL)
                .data("fontStack", fontStack)
                .render();
    }
}
