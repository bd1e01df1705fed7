package io.jixiao.report.render;

import io.jixiao.report.model.ReportModel;
import io.jixiao.report.model.ReportModel.Block;
import io.jixiao.report.model.ReportModel.ReportFinding;
import io.jixiao.report.model.ReportModel.ScoreRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * Renders a report as a Word document a government office can keep editing: headings as the built-in Heading 1–3
 * styles (navigation pane, table of contents), body text in a body style with a two-character first-line indent,
 * tables in the Table Grid style, A4 pages, and the East Asian font set on every style and every run (宋体 for text,
 * 黑体 for headings) so Chinese never falls back to a Western font.
 */
@ApplicationScoped
public class DocxRenderer {

    static final String BODY_FONT = "宋体";
    static final String HEADING_FONT = "黑体";
    static final String LATIN_FONT = "Times New Roman";

    /** Style ids. */
    static final String TITLE = "Title";
    static final String HEADING_1 = "Heading1";
    static final String HEADING_2 = "Heading2";
    static final String HEADING_3 = "Heading3";
    static final String BODY = "BodyText";
    static final String PLAIN = "Normal";
    static final String TABLE_TEXT = "TableText";
    static final String TABLE_GRID = "TableGrid";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public byte[] render(ReportModel report) {
        boolean internal = report.variant() == ReportModel.Variant.INTERNAL;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(doc);
            page(doc);
            if (internal) {
                XWPFParagraph banner = paragraph(doc, PLAIN);
                XWPFRun r = run(banner, "内部版本（供本单位和财政部门审核，不公开）：附数据核对发现 "
                        + report.findings().size() + " 项。", false, BODY_FONT);
                r.setColor("A00000");
            }
            XWPFParagraph title = paragraph(doc, TITLE);
            run(title, report.title(), true, HEADING_FONT);
            XWPFParagraph year = paragraph(doc, PLAIN);
            year.setAlignment(ParagraphAlignment.CENTER);
            run(year, report.yearLine(), false, BODY_FONT);
            run(paragraph(doc, PLAIN), report.addressee() + "：", false, BODY_FONT);
            run(paragraph(doc, BODY), report.opening(), false, BODY_FONT);

            for (Block b : report.body()) {
                switch (b.style()) {
                    case HEADING_1 -> run(paragraph(doc, HEADING_1), b.text(), true, HEADING_FONT);
                    case HEADING_2 -> run(paragraph(doc, HEADING_2), b.text(), true, HEADING_FONT);
                    case HEADING_3 -> run(paragraph(doc, HEADING_3), b.text(), true, BODY_FONT);
                    case PARAGRAPH -> {
                        XWPFParagraph p = paragraph(doc, BODY);
                        if (b.lead() != null) {
                            run(p, b.lead(), true, BODY_FONT);
                        }
                        XWPFRun r = run(p, b.text(), false, BODY_FONT);
                        if (b.missing()) {
                            r.setColor("A00000");
                        }
                    }
                    default -> throw new IllegalStateException("unknown block " + b.style());
                }
            }

            run(paragraph(doc, HEADING_1), "附件：部门整体支出绩效自评表", true, HEADING_FONT);
            if (report.annex().available()) {
                if (report.annex().framework() != null) {
                    run(paragraph(doc, PLAIN), "指标体系：" + report.annex().framework(), false, BODY_FONT);
                }
                List<String> header = new ArrayList<>(List.of("指标", "指标值", "实际完成值", "分值", "计算得分", "自评得分",
                        "偏差原因分析及改进措施"));
                if (internal) {
                    header.add("计算说明");
                }
                List<List<String>> rows = new ArrayList<>();
                List<Integer> levels = new ArrayList<>();
                for (ScoreRow r : report.annex().rows()) {
                    String indent = "　".repeat(Math.max(0, r.level() - 1));
                    List<String> row = new ArrayList<>(List.of(indent + r.code() + " " + r.name(), r.target(),
                            r.actual(), r.weight(), r.score(), r.declaredScore(), r.deviation()));
                    if (internal) {
                        row.add(r.note() == null ? "—" : r.note());
                    }
                    rows.add(row);
                    levels.add(r.level());
                }
                List<String> total = new ArrayList<>(List.of("合计", "—", "—", report.annex().weightTotal(),
                        report.annex().computedTotal(), report.annex().declaredTotal(),
                        "等级：" + report.annex().grade()));
                if (internal) {
                    total.add("—");
                }
                rows.add(total);
                levels.add(1);
                table(doc, header, rows, levels);
            } else {
                XWPFRun r = run(paragraph(doc, BODY), "（未填报：" + (report.annex().unavailable() == null
                        ? "尚未收到评分数据" : report.annex().unavailable()) + "）", false, BODY_FONT);
                r.setColor("A00000");
            }
            if (report.basis() != null) {
                run(paragraph(doc, HEADING_1), "附：数据来源及版本", true, HEADING_FONT);
                run(paragraph(doc, PLAIN), report.basis().statement(), false, BODY_FONT);
            }

            if (internal) {
                run(paragraph(doc, HEADING_1), "附：数据核对发现（内部，不公开）", true, HEADING_FONT);
                if (report.findings().isEmpty()) {
                    run(paragraph(doc, PLAIN), "无。", false, BODY_FONT);
                } else {
                    List<List<String>> rows = new ArrayList<>();
                    List<Integer> levels = new ArrayList<>();
                    for (ReportFinding f : report.findings()) {
                        rows.add(List.of(f.origin(), f.ruleId(), Printing.severityText(f),
                                f.title() + (f.message() == null ? "" : "：" + f.message()), Printing.figuresText(f),
                                Printing.differenceText(f), Printing.explanationText(f)));
                        levels.add(0);
                    }
                    table(doc, List.of("来源", "规则", "级别", "说明", "涉及数据", "差额", "单位说明"), rows, levels);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the DOCX could not be written", e);
        }
    }

    // ---- content

    private static XWPFParagraph paragraph(XWPFDocument doc, String style) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        return p;
    }

    /** A run with the East Asian font set explicitly (and the Latin font beside it). */
    static XWPFRun run(XWPFParagraph p, String text, boolean bold, String eastAsiaFont) {
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setFontFamily(eastAsiaFont, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(LATIN_FONT, XWPFRun.FontCharRange.hAnsi);
        if (bold) {
            r.setBold(true);
        }
        return r;
    }

    private static void table(XWPFDocument doc, List<String> header, List<List<String>> rows, List<Integer> levels) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.size());
        table.setStyleID(TABLE_GRID);
        table.setWidth("100%");
        XWPFTableRow head = table.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < header.size(); c++) {
            cell(head.getCell(c), header.get(c), true);
        }
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = table.getRow(i + 1);
            row.setCantSplitRow(true);
            List<String> values = rows.get(i);
            for (int c = 0; c < values.size(); c++) {
                cell(row.getCell(c), values.get(c), levels.get(i) == 1 && c == 0);
            }
        }
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setStyle(TABLE_TEXT);
        run(p, text == null ? "—" : text, bold, BODY_FONT);
    }

    // ---- page and styles

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4, twentieths of a point
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(1440));
        margins.setBottom(BigInteger.valueOf(1247));
        margins.setLeft(BigInteger.valueOf(1588));
        margins.setRight(BigInteger.valueOf(1474));
    }

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        CTFonts defaults = CTFonts.Factory.newInstance();
        defaults.setEastAsia(BODY_FONT);
        defaults.setAscii(LATIN_FONT);
        defaults.setHAnsi(LATIN_FONT);
        styles.setDefaultFonts(defaults);
        styles.setEastAsia("zh-CN");

        CTStyle normal = paragraphStyle(PLAIN, "Normal", null, null, BODY_FONT, 24, false, null, false, 0, 0);
        normal.setDefault(true);
        add(styles, normal);
        add(styles, paragraphStyle(TITLE, "Title", PLAIN, null, HEADING_FONT, 40, true, STJc.CENTER, false, 240, 0));
        add(styles, paragraphStyle(HEADING_1, "heading 1", PLAIN, 0, HEADING_FONT, 32, true, null, false, 240, 120));
        add(styles, paragraphStyle(HEADING_2, "heading 2", PLAIN, 1, HEADING_FONT, 28, true, null, false, 180, 60));
        add(styles, paragraphStyle(HEADING_3, "heading 3", PLAIN, 2, BODY_FONT, 24, true, null, true, 120, 0));
        add(styles, paragraphStyle(BODY, "Body Text", PLAIN, null, BODY_FONT, 24, false, STJc.BOTH, true, 0, 0));
        add(styles, paragraphStyle(TABLE_TEXT, "Table Text", PLAIN, null, BODY_FONT, 18, false, null, false, 0, 0));
        add(styles, tableGrid());
    }

    private static void add(XWPFStyles styles, CTStyle style) {
        styles.addStyle(new XWPFStyle(style, styles));
    }

    private static CTStyle paragraphStyle(String id, String name, String basedOn, Integer outlineLevel,
            String eastAsiaFont, int halfPoints, boolean bold, STJc.Enum alignment, boolean firstLineIndent,
            int spaceBefore, int spaceAfter) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (basedOn != null) {
            style.addNewBasedOn().setVal(basedOn);
        }
        if (outlineLevel != null) {
            style.addNewNext().setVal(BODY);
            style.addNewUiPriority().setVal(BigInteger.valueOf(9));
        }
        style.addNewQFormat();
        CTPPrGeneral ppr = style.addNewPPr();
        if (outlineLevel != null) {
            ppr.addNewKeepNext();
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(spaceBefore));
        spacing.setAfter(BigInteger.valueOf(spaceAfter));
        if (alignment != null) {
            ppr.addNewJc().setVal(alignment);
        }
        if (firstLineIndent) {
            ppr.addNewInd().setFirstLineChars(BigInteger.valueOf(200)); // two characters
        }
        CTRPr rpr = style.addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setEastAsia(eastAsiaFont);
        fonts.setAscii(LATIN_FONT);
        fonts.setHAnsi(LATIN_FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        if (bold) {
            rpr.addNewB();
        }
        return style;
    }

    /**
     * The Table Grid style: single borders around and between all cells. Written as XML because the table-properties
     * types are not in poi-ooxml-lite's compiled schema; parsed within a styles document so it is a proper style.
     */
    private static CTStyle tableGrid() {
        String border = " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>";
        String xml = "<w:styles xmlns:w=\"" + W + "\"><w:style w:type=\"table\" w:styleId=\"" + TABLE_GRID + "\">"
                + "<w:name w:val=\"Table Grid\"/><w:uiPriority w:val=\"59\"/>"
                + "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr>"
                + "<w:rPr><w:rFonts w:ascii=\"" + LATIN_FONT + "\" w:hAnsi=\"" + LATIN_FONT + "\" w:eastAsia=\""
                + BODY_FONT + "\"/></w:rPr>"
                + "<w:tblPr><w:tblBorders><w:top" + border + "<w:left" + border + "<w:bottom" + border
                + "<w:right" + border + "<w:insideH" + border + "<w:insideV" + border + "</w:tblBorders>"
                + "<w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/>"
                + "</w:tblCellMar></w:tblPr></w:style></w:styles>";
        try {
            return StylesDocument.Factory.parse(xml).getStyles().getStyleArray(0);
        } catch (XmlException e) {
            throw new IllegalStateException("the Table Grid style does not parse", e);
        }
    }
}
