package io.jixiao.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.report.TestReportConfig;
import io.jixiao.report.config.ReportConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF fonts without a server: the bundled serif sets body text and the bundled sans headings; an override sets the
 * body text instead, if it is a TrueType font; a missing override is a 503 problem.
 */
class PdfFontsTest {

    private static final String HTML = "<html><head><style>@page { @bottom-center { content: counter(page); font-family: %1$s; } }"
            + "body { font-family: %1$s; } h2, th { font-family: %2$s; }"
            + "</style></head><body><h2>一、部门概况</h2><p>年中追加−年底收回，差额773.858万元。</p>"
            + "<table><tr><th>指标</th></tr></table></body></html>";

    @TempDir
    Path dir;

    @Test
    void aMissingOverrideIsA503ProblemThatPointsAtTheSettingNotAtAPackage() {
        ProblemException missing = assertThrows(ProblemException.class,
                () -> PdfFonts.requireFont(Path.of("/nonexistent/wqy-zenhei.ttc")));
        assertEquals(503, missing.status());
        assertEquals("urn:jixiao:problem:pdf-font-missing", missing.toProblem(null).type());
        assertTrue(missing.getMessage().contains("/nonexistent/wqy-zenhei.ttc"));
        assertTrue(missing.getMessage().contains("JIXIAO_REPORT_PDF_FONT"));
        assertTrue(missing.getMessage().contains("bundled"));
        assertFalse(missing.getMessage().contains("fonts-wqy-zenhei"), "nothing to install any more");
    }

    @Test
    void onlyTrueTypeOutlinesAreAccepted() throws Exception {
        Path bundled = Files.write(dir.resolve("serif.ttf"), PdfFonts.read(PdfFonts.SERIF_RESOURCE));
        assertEquals(bundled.toFile(), PdfFonts.requireFont(bundled));
        Path collection = Files.write(dir.resolve("collection.ttc"), collection(0x00010000));
        assertEquals(collection.toFile(), PdfFonts.requireFont(collection));

        assertUnsupported(Files.write(dir.resolve("NotoSansCJK.otf"), sfnt(0x4F54544F)));
        assertUnsupported(Files.write(dir.resolve("cff-named.ttf"), sfnt(0x4F54544F))); // 'OTTO' in a .ttf
        assertUnsupported(Files.write(dir.resolve("NotoSansCJK.ttc"), collection(0x4F54544F)));
        assertUnsupported(Files.write(dir.resolve("empty.ttf"), new byte[0]));
    }

    @Test
    void bodyTextIsSetInTheBundledSerifAndHeadingsInTheBundledSans() throws Exception {
        Map<String, Set<String>> fonts = fontsByText(render(new PdfFonts(config(Optional.empty()))));
        assertEquals(Set.of("NotoSansSC-Bold"), fonts.get("一、部门概况"));
        assertEquals(Set.of("NotoSansSC-Bold"), fonts.get("指标"));
        assertEquals(Set.of("NotoSerifSC-Regular"), fonts.get("年中追加−年底收回，差额773.858万元。"));
        assertEquals(Set.of("NotoSerifSC-Regular"), fonts.get("1"), "the page number");
    }

    @Test
    void anOverrideSetsTheBodyText() throws Exception {
        Path override = Files.write(dir.resolve("override.ttf"), PdfFonts.read(PdfFonts.SANS_RESOURCE));
        Map<String, Set<String>> fonts = fontsByText(render(new PdfFonts(config(Optional.of(override.toString())))));
        assertEquals(Set.of("NotoSansSC-Bold"), fonts.get("年中追加−年底收回，差额773.858万元。"));

        PdfFonts missing = new PdfFonts(config(Optional.of(dir.resolve("gone.ttf").toString())));
        assertEquals(503, assertThrows(ProblemException.class, () -> render(missing)).status());
    }

    /** A small page set in the fonts. */
    private static byte[] render(PdfFonts fonts) throws Exception {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        FontStacks stacks = fonts.addTo(builder);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.useFastMode();
        builder.withHtmlContent(String.format(HTML, stacks.body(), stacks.headings()), null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }

    /** Each line of text with the fonts (without subset tags) it is set in. */
    private static Map<String, Set<String>> fontsByText(byte[] pdf) throws Exception {
        Map<String, Set<String>> fonts = new HashMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    Set<String> names = new HashSet<>();
                    positions.forEach(p -> names.add(p.getFont().getName().replaceFirst("^[A-Z]{6}\\+", "")));
                    fonts.merge(text.strip(), names, (a, b) -> {
                        a.addAll(b);
                        return a;
                    });
                }
            }.getText(doc);
        }
        return fonts;
    }

    private static ReportConfig config(Optional<String> pdfFont) {
        return new TestReportConfig(pdfFont, Map.of(), Map.of());
    }

    private static void assertUnsupported(Path font) {
        ProblemException cff = assertThrows(ProblemException.class, () -> PdfFonts.requireFont(font));
        assertEquals(503, cff.status());
        assertEquals("urn:jixiao:problem:pdf-font-unsupported", cff.toProblem(null).type());
    }

    /** The start of a font file with this sfnt version. */
    private static byte[] sfnt(int version) {
        return ByteBuffer.allocate(12).putInt(version).array();
    }

    /** The start of a font collection ('ttcf') whose one font has this sfnt version. */
    private static byte[] collection(int version) {
        return ByteBuffer.allocate(28).putInt(0x74746366).putInt(0x00010000).putInt(1).putInt(16).putInt(version)
                .array();
    }
}
