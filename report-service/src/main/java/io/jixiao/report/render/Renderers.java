package io.jixiao.report.render;

import io.jixiao.report.model.ReportModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** Renders a report in the chosen format as an HTTP response, timing each render ({@code jixiao.report.render}). */
@ApplicationScoped
public class Renderers {

    private final HtmlRenderer html;
    private final DocxRenderer docx;
    private final PdfRenderer pdf;
    private final Map<ReportFormat, Timer> timers = new EnumMap<>(ReportFormat.class);

    public Renderers(HtmlRenderer html, DocxRenderer docx, PdfRenderer pdf, MeterRegistry registry) {
        this.html = html;
        this.docx = docx;
        this.pdf = pdf;
        for (ReportFormat f : ReportFormat.values()) {
            timers.put(f, Timer.builder("jixiao.report.render").description("time to render one report")
                    .tag("format", f.extension()).register(registry));
        }
    }

    /** The report's bytes in a file format (HTML, DOCX, PDF). */
    public byte[] bytes(ReportModel report, ReportFormat format) {
        return timers.get(format).record(() -> switch (format) {
            case HTML -> html.render(report).getBytes(StandardCharsets.UTF_8);
            case DOCX -> docx.render(report);
            case PDF -> pdf.render(report);
            case JSON -> throw new IllegalArgumentException("JSON is written by the REST layer");
        });
    }

    public Response respond(ReportModel report, ReportFormat format) {
        if (format == ReportFormat.JSON) {
            return Response.ok(report, format.mediaType()).build();
        }
        byte[] body = bytes(report, format);
        String base = report.unitCode() + "-" + report.fiscalYear()
                + (report.variant() == ReportModel.Variant.INTERNAL ? "-internal" : "");
        String name = report.title() + report.yearLine() + "." + format.extension();
        return Response.ok(body, format.mediaType())
                .header("Content-Disposition", "inline; filename=\"" + base + "." + format.extension()
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }
}
