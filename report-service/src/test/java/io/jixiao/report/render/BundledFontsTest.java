package io.jixiao.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fonts bundled for PDFs (no server needed): TrueType with glyf outlines, small subsets, and a glyph for every
 * character of the texts reports are made of — the fixtures (the seed department's figures and narratives), the
 * report template, the sources and the other services' reference data — plus the signs findings print.
 */
class BundledFontsTest {

    /** What the subset script scans (see {@code report-service/src/main/fonts/subset.sh}). */
    static final List<String> TEXTS = List.of("deploy/fixtures", "report-service/src/main",
            "assessment-service/src/main/resources", "budget-service/src/main/resources",
            "personnel-service/src/main/resources");

    /** Signs reports print beyond the fixtures: the minus of findings' differences, units, ordinals. */
    static final String SIGNS = "−±×÷≤≥≠≈∑%‰℃№→←①⑳ⅠⅫ—–‘’“”…（）：；，。、《》【】〔〕";

    @ParameterizedTest
    @CsvSource({"fonts/NotoSerifSC-Regular.subset.ttf, NotoSerifSC-Regular",
            "fonts/NotoSansSC-Bold.subset.ttf, NotoSansSC-Bold"})
    void aBundledFontIsASmallTrueTypeSubsetWithAGlyphForEveryCharacterReportsUse(String resource, String name)
            throws IOException {
        byte[] bytes = PdfFonts.read(resource);
        assertTrue(bytes.length < 4_000_000, "a subset, not the whole font: " + bytes.length + " bytes");
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        try {
            assertEquals(name, font.getName());
            assertTrue(font.getTableMap().containsKey("glyf"), "TrueType outlines (glyf), not CFF");
            CmapLookup cmap = font.getUnicodeCmapLookup();
            Map<String, String> missing = new TreeMap<>();
            for (Map.Entry<Integer, String> used : usedCharacters().entrySet()) {
                int code = used.getKey();
                int gid = cmap.getGlyphId(code);
                GlyphData glyph = gid == 0 ? null : font.getGlyph().getGlyph(gid);
                boolean blank = Character.isWhitespace(code) || Character.isSpaceChar(code);
                if (gid == 0 || !blank && (glyph == null || glyph.getNumberOfContours() == 0)) {
                    missing.put(String.format("U+%04X %s", code, Character.toString(code)), used.getValue());
                }
            }
            assertEquals(Map.of(), missing, name + " lacks glyphs for these characters (and where they are used)");
        } finally {
            font.close();
        }
    }

    /** Every character of the scanned texts and the signs, each with a file that uses it. */
    private static Map<Integer, String> usedCharacters() throws IOException {
        Map<Integer, String> used = new TreeMap<>();
        SIGNS.codePoints().forEach(c -> used.put(c, "BundledFontsTest.SIGNS"));
        Path root = WorkDirs.root();
        for (String dir : TEXTS) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path relative = root.relativize(file);
                    if (inFontsDirectory(relative)) {
                        continue; // the fonts, their README and script
                    }
                    String where = relative.toString();
                    text(file).codePoints().filter(c -> c >= 0x20 && !(c >= 0x7F && c < 0xA0) && c != 0xFEFF)
                            .forEach(c -> used.putIfAbsent(c, where));
                }
            }
        }
        assertTrue(used.containsKey((int) '网') && used.size() > 500, "the fixtures were read: " + used.size());
        return used;
    }

    private static boolean inFontsDirectory(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("fonts")) {
                return true;
            }
        }
        return false;
    }

    /** A file's text, or nothing when it is not UTF-8 text. */
    private static String text(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
