package io.jixiao.report.render;

import io.jixiao.report.model.ReportModel;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders a report as (X)HTML with the Qute template {@code templates/report.html}; also the PDF's source. */
@ApplicationScoped
public class HtmlRenderer {

    private final Template template;

    public HtmlRenderer(@Location("report.html") Template template) {
        this.template = template;
    }

    /** HTML for a browser. */
    public String render(ReportModel report) {
        return render(report, FontStacks.BROWSER);
    }

    /** HTML set in the given fonts (the PDF renderer names the fonts it embeds). */
    public String render(ReportModel report, FontStacks fonts) {
        return template.data("report", report)
                .data("internal", report.variant() == ReportModel.Variant.INTERNAL)
                .data("fonts", fonts)
                .render();
    }
}
