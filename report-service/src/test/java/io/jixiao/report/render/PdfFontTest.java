package io.jixiao.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.commons.problem.ProblemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which font files the PDF renderer accepts: TrueType only, and a missing file is a 503 problem. */
class PdfFontTest {

    @Test
    void aMissingOrNonTrueTypeFontIsA503Problem() throws Exception {
        ProblemException missing = assertThrows(ProblemException.class,
                () -> PdfRenderer.requireFont(Path.of("/nonexistent/wqy-zenhei.ttc")));
        assertEquals(503, missing.status());
        assertTrue(missing.getMessage().contains("fonts-wqy-zenhei"));

        Path otf = Files.createTempFile("NotoSansCJK", ".otf");
        try {
            ProblemException cff = assertThrows(ProblemException.class, () -> PdfRenderer.requireFont(otf));
            assertEquals(503, cff.status());
            assertEquals("urn:jixiao:problem:pdf-font-unsupported", cff.toProblem(null).type());
        } finally {
            Files.delete(otf);
        }
        Path ttc = Files.createTempFile("wqy", ".ttc");
        try {
            assertEquals(ttc.toFile(), PdfRenderer.requireFont(ttc));
        } finally {
            Files.delete(ttc);
        }
    }
}
