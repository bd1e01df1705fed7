package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.tree;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.render.DocxRenderer;
import io.jixiao.report.render.HtmlRenderer;
import io.jixiao.report.render.PdfRenderer;
import io.jixiao.report.service.ReportAssembly;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed department's report, from its figures published as events and its narratives pushed through REST, carries
 * every figure of the seed document in the seed's structure in HTML, DOCX (read back with POI), PDF (read back with
 * PDFBox) and JSON; the internal version lists the findings, the public one does not; other units get 403.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReportFormatsTest {

    private static final Logger LOG = Logger.getLogger(ReportFormatsTest.class);
    private static final String SEED = path(SeedFixture.UNIT, SeedFixture.YEAR);

    /** Every figure of the seed's sections 一(一) and 一(五), and the declared total of 四, as the seed prints them. */
    static final List<String> SEED_FIGURES = io.jixiao.local.infra.Fixtures.expectedFigures(SeedFixture.folder());

    /** The seed's headings, in order. */
    static final List<String> SEED_HEADINGS = List.of("一、部门概况", "（一）部门主要职责职能，组织架构、人员及资产等基本情况。",
            "1.主要职能", "2.机构情况。", "3.人员情况。", "4.资产情况。", "（二）当年部门履职总体目标、工作任务。",
            "（三）当年部门年度整体支出绩效目标。", "（四）部门预算绩效管理开展情况。", "（五）当年部门预算及执行情况。",
            "二、部门整体支出绩效实现情况", "（一）履职完成情况。", "（二）履职效果情况。", "（三）社会满意度及可持续性影响。",
            "三、部门整体支出绩效中存在问题及改进措施", "（一）部门整体支出绩效中存在问题", "（二）改进措施",
            "四、绩效自评结果拟应用和公开情况");

    /** Whole sentences of the seed that must come out as the seed has them. */
    static final List<String> SEED_SENTENCES = List.of("自治区党委网信办整体支出绩效自评报告", "（2024年度）", "自治区财政厅：",
            "截至2024年12月底，我办在职干部职工共381人，一是纳入工资统发系统供养的在职干部职工381人，其中：行政公务员46人（援藏干部3人）"
                    + "、参照公务员法管理事业人员62人、事业人员263人、机关工人10人；",
            "与上年对比干部职工人员减少27人，是因当年我办调出人员51人，退休3人，公开招聘19人、公开考录3人、公开遴选2人、调入1人、"
                    + "急需紧缺人才引进1人、援藏博士服务团1人。",
            "截至2024年12月31日，我办自用固定资产25387.6万元，其中在用25387.6万元，无闲置、待处置资产；自用无形资产991万元，"
                    + "其中在用991万元，无闲置、待处置（待报废、毁损等）无形资产。",
            "2024年财政下达资金指标19531.57万元，其中年初下达一般公共预算财政拨款收入19393.072万元，上年结转资金1294.22万元，"
                    + "年中追加资金561.02万元，年底收回资金2490.6万元，其中人员经费收回756.97万元（主要为人员工资、医疗保险、养老保险）",
            "2024年财政资金总支出18758.6万元，结转资金1675.89万元，支出进度96.04%。",
            "“三公”经费支出92.99万元，主要为公务用车运行维护费，财务支出稳定运行。",
            "根据《部门整体支出绩效自评表》，我办自评结果为95分");

    private static boolean seeded;

    @Inject
    ReportAssembly assembly;
    @Inject
    HtmlRenderer html;
    @Inject
    DocxRenderer docx;
    @Inject
    PdfRenderer pdf;

    @BeforeEach
    void seed() {
        if (!seeded) {
            ReportApi.seed(SeedFixture.YEAR);
            seeded = true;
        }
    }

    @Test
    void jsonCarriesEveryFigureWithItsSourceAndEveryFindingWithRuleSeverityAndFigures() {
        JsonNode report = tree(given().auth().oauth2(user("reporter")).accept("application/json").get(SEED)
                .then().statusCode(200).contentType("application/json").extract().asString());
        assertEquals("INTERNAL", report.get("variant").asText());
        assertEquals("自治区党委网信办整体支出绩效自评报告", report.get("title").asText());
        Map<String, JsonNode> figures = new HashMap<>();
        report.get("figures").forEach(f -> figures.put(f.get("key").asText(), f));
        assertEquals("19393.072万元", figures.get("budget.revenue.initialAllocation").get("printed").asText());
        assertEquals(0, new java.math.BigDecimal("193930720.00")
                .compareTo(figures.get("budget.revenue.initialAllocation").get("value").decimalValue()));
        assertEquals("budget", figures.get("budget.revenue.initialAllocation").get("origin").asText());
        assertEquals("减少27人", figures.get("personnel.statedChange").get("printed").asText());
        assertEquals("NOT_DISCLOSED", figures.get("units.internalBodies.count").get("status").asText());
        assertEquals("96.04%", figures.get("budget.expenditure.executionRatePercent").get("printed").asText());
        assertEquals("95分", figures.get("scores.declaredTotal").get("printed").asText());

        String json = report.toString();
        for (String figure : SEED_FIGURES) {
            assertTrue(json.contains(figure), "JSON lacks " + figure);
        }
        JsonNode revenue = finding(report, "BUD-REVENUE-IDENTITY");
        assertEquals("ERROR", revenue.get("severity").asText());
        assertEquals("budget", revenue.get("origin").asText());
        assertTrue(revenue.get("blocking").asBoolean());
        assertEquals(0, new java.math.BigDecimal("7738580.00").compareTo(revenue.get("difference").decimalValue()));
        assertTrue(revenue.get("figures").size() >= 5, "the figures the rule involves");
        assertEquals("WARNING", finding(report, "ASSESS-DECLARED-TOTAL").get("severity").asText());
        assertEquals("INFO", finding(report, "STAFF-UNCHECKED").get("severity").asText());
        List<String> kinds = new ArrayList<>();
        report.get("sources").forEach(s -> kinds.add(s.get("kind").asText()));
        assertEquals(List.of("units", "budget", "personnel", "assets", "scores"), kinds);
        assertEquals(12, report.at("/annex/rows").size());
        assertEquals("88.5", report.at("/annex/computedTotal").asText());
        assertEquals("95", report.at("/annex/declaredTotal").asText());

        JsonNode published = tree(given().auth().oauth2(user("finance")).queryParam("format", "json")
                .queryParam("variant", "public").get(SEED).then().statusCode(200).extract().asString());
        assertEquals("PUBLIC", published.get("variant").asText());
        assertEquals(0, published.get("findings").size());
        assertFalse(published.toString().contains("系统按指标体系计算得分"));
    }

    @Test
    void htmlCarriesTheSeedsFiguresHeadingsAndSentencesAndTheFindingsOnlyInternally() {
        String page = given().auth().oauth2(user("reporter")).queryParam("format", "html").get(SEED)
                .then().statusCode(200).contentType("text/html").extract().asString();
        String text = page.replaceAll("<[^>]+>", "").replace("&quot;", "\"").replace("&#39;", "'");
        assertSeed(text, "HTML");
        assertTrue(page.contains("<h2>一、部门概况</h2>"));
        assertTrue(page.contains("<h3>（五）当年部门预算及执行情况。</h3>"));
        assertTrue(page.contains("<h4>3.人员情况。</h4>"));
        assertTrue(text.contains("BUD-REVENUE-IDENTITY"));
        assertTrue(text.contains("数据核对发现"));
        assertTrue(text.contains("系统按指标体系计算得分为88.5分"));

        String published = given().auth().oauth2(user("reporter")).accept("text/html").queryParam("variant", "public")
                .get(SEED).then().statusCode(200).contentType("text/html").extract().asString();
        assertSeed(published.replaceAll("<[^>]+>", ""), "public HTML");
        assertFalse(published.contains("BUD-REVENUE-IDENTITY"));
        assertFalse(published.contains("数据核对发现"));
        assertFalse(published.contains("88.5分"));
    }

    @Test
    void docxCarriesTheSeedInWordHeadingStylesTablesAndEastAsianFonts() throws IOException {
        byte[] bytes = given().auth().oauth2(user("finance")).queryParam("format", "docx").get(SEED)
                .then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .extract().asByteArray();
        Files.write(Path.of("target", "seed-report-internal.docx"), bytes);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder text = new StringBuilder();
            Map<String, String> styleOf = new HashMap<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                text.append(p.getText()).append('\n');
                styleOf.putIfAbsent(p.getText(), p.getStyle());
                for (XWPFRun r : p.getRuns()) {
                    assertTrue(r.getFontFamily(XWPFRun.FontCharRange.eastAsia) != null,
                            "East Asian font on every run: " + p.getText());
                }
            }
            assertSeed(text.toString(), "DOCX");
            assertEquals("Heading1", styleOf.get("一、部门概况"));
            assertEquals("Heading1", styleOf.get("四、绩效自评结果拟应用和公开情况"));
            assertEquals("Heading2", styleOf.get("（五）当年部门预算及执行情况。"));
            assertEquals("Heading3", styleOf.get("3.人员情况。"));
            assertEquals("Title", styleOf.get("自治区党委网信办整体支出绩效自评报告"));
            assertEquals("heading 1", doc.getStyles().getStyle("Heading1").getName(), "Word's built-in heading");
            assertEquals("宋体", doc.getStyles().getStyle("BodyText").getCTStyle().getRPr().getRFontsArray(0)
                    .getEastAsia());

            List<XWPFTable> tables = doc.getTables();
            assertEquals(2, tables.size(), "the self-evaluation table and the findings");
            XWPFTable annex = tables.get(0);
            assertEquals("TableGrid", annex.getStyleID());
            assertEquals("指标", annex.getRow(0).getCell(0).getText());
            assertTrue(annex.getText().contains("预算执行率"));
            assertTrue(annex.getText().contains("96.04%"));
            assertTrue(annex.getText().contains("不可评"));
            String last = annex.getRow(annex.getNumberOfRows() - 1).getCell(0).getText();
            assertEquals("合计", last);
            assertTrue(tables.get(1).getText().contains("BUD-REVENUE-IDENTITY"));
            assertTrue(tables.get(1).getText().contains("未更正、未说明（阻止报送）"));
        }

        byte[] published = given().auth().oauth2(user("finance")).queryParam("format", "docx")
                .queryParam("variant", "public").get(SEED).then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(published))) {
            assertEquals(1, doc.getTables().size(), "no findings table in the public version");
            String all = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertFalse(all.contains("BUD-REVENUE-IDENTITY"));
            assertTrue(all.contains("我办自评结果为95分，根据绩效自评情况"));
        }
    }

    @Test
    void pdfCarriesTheSeedWithTheCjkFontEmbedded() throws IOException {
        byte[] bytes = given().auth().oauth2(user("finance")).accept("application/pdf").get(SEED)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        Files.write(Path.of("target", "seed-report-internal.pdf"), bytes);
        try (PDDocument pdfDoc = Loader.loadPDF(bytes)) {
            FontedText text = FontedText.of(pdfDoc);
            // line breaks fall anywhere in Chinese text: compare without whitespace
            assertSeed(text.text(), "PDF");
            assertTrue(text.text().contains("BUD-REVENUE-IDENTITY"));
            // the minus sign of the findings and every other character come from the bundled fonts, none is a '#'
            assertTrue(text.text().contains("年中追加−年底收回"), "the minus sign");
            assertFalse(text.text().contains("#"), "a character no font has comes out as '#'");

            Map<String, Boolean> fonts = new HashMap<>();
            for (PDPage page : pdfDoc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.put(font.getName(), font.isEmbedded());
                }
            }
            assertEquals(2, fonts.size(), "the two bundled fonts and no other: " + fonts);
            for (String bundled : List.of("NotoSerifSC-Regular", "NotoSansSC-Bold")) {
                assertTrue(fonts.entrySet().stream().anyMatch(f -> f.getValue()
                        && f.getKey().matches("[A-Z]{6}\\+" + bundled)), bundled + " embedded as a subset: " + fonts);
            }
            // 黑体 (sans) for the title, the first-level headings and table headers; 宋体 (serif) for the rest
            assertEquals(Set.of("NotoSansSC-Bold"), text.fontsOf("自治区党委网信办整体支出绩效自评报告"));
            assertEquals(Set.of("NotoSansSC-Bold"), text.fontsOf("三、部门整体支出绩效中存在问题及改进措施"));
            assertEquals(Set.of("NotoSansSC-Bold"), text.fontsOf("偏差原因分析及改进措施"));
            assertEquals(Set.of("NotoSerifSC-Regular"), text.fontsOf("（五）当年部门预算及执行情况。"));
            assertEquals(Set.of("NotoSerifSC-Regular"), text.fontsOf("2024年财政资金总支出18758.6万元"));
            assertTrue(pdfDoc.getNumberOfPages() >= 3);
        }
        assertTrue(bytes.length < 5_000_000, "the fonts are subset, not embedded whole: " + bytes.length);
    }

    @Test
    void aReporterOfAnotherUnitGets403AndNoTokenGets401() {
        String other = user("reporter-tjj");
        for (String format : List.of("json", "html", "docx", "pdf")) {
            given().auth().oauth2(other).queryParam("format", format).get(SEED).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(other).get(SEED + "/narratives").then().statusCode(403);
        given().auth().oauth2(other).get(SEED + "/findings").then().statusCode(403);
        given().get(SEED).then().statusCode(401);
        given().auth().oauth2(user("reporter")).queryParam("format", "xlsx").get(SEED).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("format"));
    }

    @Test
    @ActivateRequestContext
    void oneUnitsReportRendersWellUnderASecondInHtmlAndDocx() throws IOException {
        ReportModel report = assembly.current(SeedFixture.UNIT, SeedFixture.YEAR, ReportModel.Variant.INTERNAL);
        long[] assemble = time(20, () -> assembly.current(SeedFixture.UNIT, SeedFixture.YEAR,
                ReportModel.Variant.INTERNAL));
        long[] htmlTimes = time(30, () -> html.render(report));
        long[] docxTimes = time(30, () -> docx.render(report));
        long[] pdfTimes = time(5, () -> pdf.render(report));
        String summary = String.format("render times of the seed report (median / max of runs after warm-up, ms): "
                + "assemble %.1f / %.1f; HTML %.1f / %.1f; DOCX %.1f / %.1f; PDF %.1f / %.1f",
                ms(median(assemble)), ms(max(assemble)), ms(median(htmlTimes)), ms(max(htmlTimes)),
                ms(median(docxTimes)), ms(max(docxTimes)), ms(median(pdfTimes)), ms(max(pdfTimes)));
        LOG.info(summary);
        Files.writeString(Path.of("target", "render-timings.txt"), summary + "\n");
        assertTrue(html.render(report).length() > 10_000);
    }

    // ---- helpers

    private static void assertSeed(String text, String format) {
        List<String> missing = new ArrayList<>();
        for (String s : SEED_FIGURES) {
            if (!text.contains(s)) {
                missing.add(s);
            }
        }
        int at = -1;
        for (String h : SEED_HEADINGS) {
            int next = text.indexOf(h, at + 1);
            if (next < 0) {
                missing.add("heading in order: " + h);
            } else {
                at = next;
            }
        }
        for (String s : SEED_SENTENCES) {
            if (!text.contains(s.replaceAll("\\s+", ""))
                    && !text.contains(s)) {
                missing.add(s);
            }
        }
        assertEquals(List.of(), missing, format + " lacks these parts of the seed");
    }

    private static JsonNode finding(JsonNode report, String ruleId) {
        for (JsonNode f : report.get("findings")) {
            if (f.get("ruleId").asText().equals(ruleId)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + ruleId + " in " + report.get("findings"));
    }

    private static long[] time(int runs, Runnable work) {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        long[] out = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            out[i] = System.nanoTime() - start;
        }
        return out;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long max(long[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** A PDF's text without whitespace, with the font (its name without the subset tag) of each character. */
    private record FontedText(String text, List<String> fonts) {

        static FontedText of(PDDocument doc) throws IOException {
            StringBuilder text = new StringBuilder();
            List<String> fonts = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) {
                    for (TextPosition p : positions) {
                        String unicode = p.getUnicode();
                        if (unicode != null && !unicode.isBlank()) {
                            text.append(unicode);
                            unicode.chars().forEach(c -> fonts.add(p.getFont().getName().replaceFirst("^[A-Z]{6}\\+",
                                    "")));
                        }
                    }
                }
            };
            stripper.getText(doc);
            return new FontedText(text.toString(), fonts);
        }

        /** The fonts of the first place the phrase occurs. */
        Set<String> fontsOf(String phrase) {
            int at = text.indexOf(phrase);
            assertTrue(at >= 0, "the PDF lacks " + phrase);
            return Set.copyOf(fonts.subList(at, at + phrase.length()));
        }
    }
}
