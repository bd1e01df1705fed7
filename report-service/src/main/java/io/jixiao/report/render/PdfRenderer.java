package io.jixiao.report.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.jixiao.report.model.ReportModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders a report as PDF: its HTML laid out by openhtmltopdf on PDFBox, set in the CJK TrueType fonts of
 * {@link PdfFonts}, embedded as subsets.
 */
@ApplicationScoped
public class PdfRenderer {

    private final HtmlRenderer html;
    private final PdfFonts fonts;

    public PdfRenderer(HtmlRenderer html, PdfFonts fonts) {
        this.html = html;
        this.fonts = fonts;
    }

    public byte[] render(ReportModel report) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        FontStacks stacks = fonts.addTo(builder);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            builder.useFastMode();
            builder.withHtmlContent(html.render(report, stacks), null);
            builder.withProducer("jixiao report-service");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be rendered", e);
        }
        return out.toByteArray();
    }
}
