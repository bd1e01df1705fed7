package io.jixiao.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.report.model.ReportModel;
import io.jixiao.report.writing.ReportWriterTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;

/** The Word rendering on its own: styles a government office keeps using, East Asian fonts everywhere. */
class DocxRendererTest {

    @Test
    void headingsBodyAndTablesUseNamedWordStylesWithEastAsianFonts() throws IOException {
        ReportModel report = ReportWriterTest.seedReport(ReportModel.Variant.INTERNAL);
        byte[] bytes = new DocxRenderer().render(report);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            for (String id : new String[] {"Normal", "Title", "Heading1", "Heading2", "Heading3", "BodyText",
                    "TableText", "TableGrid"}) {
                assertNotNull(doc.getStyles().getStyle(id), "style " + id);
            }
            assertEquals("heading 2", doc.getStyles().getStyle("Heading2").getName());
            assertEquals("黑体", doc.getStyles().getStyle("Heading1").getCTStyle().getRPr().getRFontsArray(0)
                    .getEastAsia());
            assertTrue(doc.getStyles().getStyle("TableGrid").getCTStyle().xmlText().contains("insideV"),
                    "the table style draws the grid");
            int runs = 0;
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) {
                    assertNotNull(r.getFontFamily(XWPFRun.FontCharRange.eastAsia), "East Asian font on " + p.getText());
                    runs++;
                }
            }
            for (var table : doc.getTables()) {
                for (var row : table.getRows()) {
                    for (var cell : row.getTableCells()) {
                        for (XWPFParagraph p : cell.getParagraphs()) {
                            assertEquals("TableText", p.getStyle());
                            for (XWPFRun r : p.getRuns()) {
                                assertNotNull(r.getFontFamily(XWPFRun.FontCharRange.eastAsia));
                            }
                        }
                    }
                }
            }
            assertTrue(runs > 40);
            assertEquals(2, doc.getTables().size());
            assertTrue(doc.getTables().get(0).getRow(0).isRepeatHeader(), "the table header repeats on each page");
        }
    }
}
