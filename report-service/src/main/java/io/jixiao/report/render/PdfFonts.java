package io.jixiao.report.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.report.config.ReportConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fonts PDF reports embed (as subsets): the bundled Noto Serif SC Regular (宋体-like, body text) and Noto Sans SC
 * Bold (黑体-like, headings), cut to GB 2312 and the characters reports use (see {@code fonts/README.md}) and read from
 * the classpath once; nothing on the machine is needed. {@code jixiao.report.pdf-font} may name a TrueType font to set
 * the body text in instead; only such an override can be missing, and then PDFs are a 503 problem.
 */
@ApplicationScoped
public class PdfFonts {

    /** The bundled fonts on the classpath. */
    static final String SERIF_RESOURCE = "fonts/NotoSerifSC-Regular.subset.ttf";
    static final String SANS_RESOURCE = "fonts/NotoSansSC-Bold.subset.ttf";

    /** CSS family names in the PDF's HTML. */
    static final String SERIF = "Noto Serif SC";
    static final String SANS = "Noto Sans SC";
    static final String OVERRIDE = "jixiao-pdf-font";

    private final Optional<Path> override;
    private final byte[] serif;
    private final byte[] sans;

    public PdfFonts(ReportConfig config) {
        this.override = config.pdfFont().map(String::strip).filter(p -> !p.isEmpty()).map(Path::of);
        this.serif = read(SERIF_RESOURCE);
        this.sans = read(SANS_RESOURCE);
    }

    /**
     * Gives the builder the fonts and answers the font stacks naming them; characters an override lacks fall back
     * to the bundled serif.
     *
     * @throws ProblemException 503 when the override is set but missing or not a TrueType font
     */
    public FontStacks addTo(PdfRendererBuilder builder) {
        builder.useFont(() -> new ByteArrayInputStream(serif), SERIF, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(sans), SANS, 700, FontStyle.NORMAL, true);
        String body = quoted(SERIF);
        if (override.isPresent()) {
            builder.useFont(requireFont(override.get()), OVERRIDE, 400, FontStyle.NORMAL, true);
            body = OVERRIDE + ", " + body;
        }
        return new FontStacks(body, quoted(SANS) + ", " + body);
    }

    /** A bundled font's bytes. */
    static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled font " + resource + " could not be read", e);
        }
    }

    /** The override font file, or a 503 problem that says what is wrong with it. */
    static File requireFont(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ProblemException(ProblemType.PDF_FONT_MISSING,
                    "the PDF font " + path + " set by jixiao.report.pdf-font (JIXIAO_REPORT_PDF_FONT) cannot be read; "
                            + "fix the path, or unset it to use the fonts bundled with report-service; HTML, DOCX and "
                            + "JSON are available", List.of());
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".ttf") || name.endsWith(".ttc")) || !hasTrueTypeOutlines(path)) {
            throw new ProblemException(ProblemType.PDF_FONT_UNSUPPORTED,
                    "the PDF font " + path + " is not a TrueType font (.ttf or .ttc with glyf outlines); CFF-based "
                            + "OpenType fonts cannot be embedded", List.of());
        }
        return path.toFile();
    }

    /** Whether the file is a TrueType font, or a collection whose first font is one (not CFF, 'OTTO'). */
    private static boolean hasTrueTypeOutlines(Path path) {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r")) {
            int tag = file.readInt();
            if (tag == 0x74746366) { // 'ttcf': the sfnt version of its first font
                file.seek(12);
                file.seek(Integer.toUnsignedLong(file.readInt()));
                tag = file.readInt();
            }
            return tag == 0x00010000 || tag == 0x74727565; // TrueType, or 'true' (Apple)
        } catch (IOException e) {
            return false;
        }
    }

    private static String quoted(String family) {
        return '"' + family + '"';
    }
}
