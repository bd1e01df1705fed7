package io.jixiao.report.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.jixiao.commons.problem.ProblemException;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.model.ReportModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a report as PDF: its HTML laid out by openhtmltopdf on PDFBox, with a CJK TrueType font embedded as a
 * subset ({@code jixiao.report.pdf-font}, default WenQuanYi Zen Hei from Debian's {@code fonts-wqy-zenhei}). Without
 * a readable font file it refuses with a 503 problem instead of producing a PDF whose Chinese would not show.
 */
@ApplicationScoped
public class PdfRenderer {

    /** The CSS family name of the fallback font. */
    static final String FALLBACK_FAMILY = "jixiao-fallback";

    private final HtmlRenderer html;
    private final ReportConfig config;

    public PdfRenderer(HtmlRenderer html, ReportConfig config) {
        this.html = html;
        this.config = config;
    }

    public byte[] render(ReportModel report) {
        File font = requireFont(Path.of(config.pdfFont()));
        String family = config.pdfFontFamily();
        Path fallback = Path.of(config.pdfFallbackFont());
        boolean withFallback = Files.isRegularFile(fallback) && Files.isReadable(fallback)
                && fallback.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttf");
        String source = html.render(report, family + (withFallback ? ", " + FALLBACK_FAMILY : "") + ", sans-serif");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font, family);
            if (withFallback) {
                builder.useFont(fallback.toFile(), FALLBACK_FAMILY);
            }
            builder.withHtmlContent(source, null);
            builder.withProducer("jixiao report-service");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF could not be rendered", e);
        }
        return out.toByteArray();
    }

    /** The font file, or a 503 problem that says which file is missing and how to provide it. */
    static File requireFont(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ProblemException(503, "urn:jixiao:problem:pdf-font-missing", "PDF font missing",
                    "PDF output needs a CJK TrueType font at " + path + " (install Debian's fonts-wqy-zenhei or set "
                            + "jixiao.report.pdf-font / JIXIAO_REPORT_PDF_FONT); HTML, DOCX and JSON are available",
                    List.of());
        }
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".ttf") && !name.endsWith(".ttc")) {
            throw new ProblemException(503, "urn:jixiao:problem:pdf-font-unsupported", "PDF font unsupported",
                    "the PDF font " + path + " is not a TrueType font (.ttf or .ttc); CFF-based OpenType fonts cannot "
                            + "be embedded", List.of());
        }
        return path.toFile();
    }
}
