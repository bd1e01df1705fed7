package io.jixiao.acceptance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Tokens;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The annual cycle end to end, only through the gateway, as the department systems and the finance department
 * would drive it (issue 7): three units' figures pushed by their systems; the seed department's contradictions,
 * scores and its report in every format carrying every figure of the seed document; a consistent unit with no
 * findings; a contradictory one whose every contradiction becomes a finding; finance ranks the three, sees the
 * grade distribution, returns, accepts and publishes; the published report is open data.
 */
class ThreeUnitsIT {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> UNITS = List.of("XZ-WXB", "XZ-TJJ", "XZ-KJT");

    private static String gateway;
    private static Tokens tokens;
    private static String finance;

    @BeforeAll
    static void pushTheYear() {
        gateway = RunningPlatform.get().gatewayUrl();
        tokens = RunningPlatform.tokens();
        finance = tokens.user("finance");
        Fixtures.loadAll(List.of(Fixtures.folder("xz-wxb-2024"), Fixtures.folder("xz-tjj-2024"),
                Fixtures.folder("xz-kjt-2024")), gateway, tokens, line -> { }, Contract::require);
        // every unit's figures reached assessment and report services as events
        for (String unit : UNITS) {
            await().atMost(Duration.ofSeconds(90)).until(() -> status("GET",
                    "/api/assessment/units/" + unit + "/years/2024/score", finance, null) == 200);
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                JsonNode report = json("/api/reports/units/" + unit + "/years/2024?format=json", finance);
                return report != null && report.toString().contains("budget") && report.toString().contains("scores");
            });
        }
    }

    @Test
    void theSeedsReportCarriesEveryFigureOfTheSeedDocumentInEveryFormat() throws Exception {
        List<String> figures = Fixtures.expectedFigures(Fixtures.folder("xz-wxb-2024"));
        assertTrue(figures.size() > 40, "the seed's figures: " + figures.size());
        String path = "/api/reports/units/XZ-WXB/years/2024?format=";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, String> texts = new HashMap<>();
            texts.put("html", new String(bytes(path + "html", finance), java.nio.charset.StandardCharsets.UTF_8));
            texts.put("json", new String(bytes(path + "json", finance), java.nio.charset.StandardCharsets.UTF_8));
            try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes(path + "docx", finance)));
                    XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
                texts.put("docx", extractor.getText());
            }
            try (var pdf = Loader.loadPDF(bytes(path + "pdf", finance))) {
                texts.put("pdf", new PDFTextStripper().getText(pdf));
            }
            List<String> missing = new ArrayList<>();
            texts.forEach((format, text) -> {
                String flat = text.replaceAll("\\s+", "");
                for (String figure : figures) {
                    if (!flat.contains(figure)) {
                        missing.add(format + ": " + figure);
                    }
                }
            });
            assertEquals(List.of(), missing, "figures of the seed missing from its report");
        });
        // the seed contradicts itself four times, and says so
        Set<String> rules = ruleIds(json("/api/budget/units/XZ-WXB/years/2024/findings", finance));
        Set<String> contradictions = new HashSet<>();
        for (JsonNode f : json("/api/budget/units/XZ-WXB/years/2024/findings", finance)) {
            if (!"INFO".equals(f.get("severity").asText())) {
                contradictions.add(f.get("ruleId").asText());
            }
        }
        // 收入 ≠ 年初 + 结转 + 追加 − 收回; 总支出 ≠ 人员 + 公用 + 项目; 年底收回's 其中 leave 333.98万元 unexplained;
        // 结转 1675.89 > 下达 − 支出 772.97, so 结余 would be −902.92
        assertEquals(Set.of("BUD-REVENUE-IDENTITY", "BUD-EXPENDITURE-IDENTITY", "BUD-RECOVERIES-ITEMS", "BUD-BALANCE"),
                contradictions, rules.toString());
        // and its declared 95 stands beside what the evidence covers, with no grade it has not earned
        String html = new String(bytes(path + "html", finance), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", "");
        assertTrue(html.matches("(?s).*自评结果为95分；系统已核验指标\\d+项（权重\\d+(\\.\\d+)?分，得[\\d.]+分），其余\\d+项待补充依据，暂不评定等级.*"),
                "the seed's verified part");
        assertFalse(html.contains("等级为“"), "no grade the evidence does not support");
    }

    @Test
    void aUnitWhoseFiguresAgreeHasNoFindings() throws Exception {
        assertEquals(Set.of(), ruleIds(json("/api/budget/units/XZ-TJJ/years/2024/findings", finance)));
        JsonNode personnel = json("/api/personnel/units/XZ-TJJ/years/2024/findings", finance);
        assertEquals(Set.of(), ruleIds(personnel.get("findings")));
        assertEquals(0, personnel.get("errors").asLong());
        JsonNode score = json("/api/assessment/units/XZ-TJJ/years/2024/score", finance);
        assertEquals(Set.of(), ruleIds(score.at("/score/findings")));
        List<String> serious = new ArrayList<>();
        for (JsonNode finding : json("/api/reports/units/XZ-TJJ/years/2024/findings", finance)) {
            if (!"INFO".equals(finding.get("severity").asText())) {
                serious.add(finding.get("ruleId").asText());
            }
        }
        assertEquals(List.of(), serious, "the consistent unit's report has no error or warning");
    }

    @Test
    void everyContradictionOfTheThirdUnitBecomesAFinding() throws Exception {
        assertTrue(ruleIds(json("/api/budget/units/XZ-KJT/years/2024/findings", finance)).containsAll(Set.of(
                "BUD-REVENUE-IDENTITY", "BUD-INITIAL-BY-SOURCE", "BUD-RECOVERIES-ITEMS", "BUD-EXPENDITURE-IDENTITY",
                "BUD-EXECUTION-RATE", "BUD-PROJECTS-RATE", "BUD-THREE-PUBLIC-WITHIN-BUDGET")));
        assertTrue(ruleIds(json("/api/personnel/units/XZ-KJT/years/2024/findings", finance).get("findings"))
                .containsAll(Set.of("STAFF-CATEGORIES-TOTAL", "STAFF-MOVEMENTS-BALANCE", "STAFF-STATED-CHANGE",
                        "STAFF-PAYROLL-WITHIN-TOTAL", "STAFF-OVER-ESTABLISHMENT", "STAFF-CATEGORY-OVER-ESTABLISHMENT",
                        "ASSET-FIXED-STATES")));
        // the declared 98 points rest on evidence for a fraction of the framework: 待补充, no grade, not "差"
        await().atMost(Duration.ofSeconds(60)).until(() -> ruleIds(json("/api/assessment/units/XZ-KJT/years/2024/score",
                finance).at("/score/findings")).contains("ASSESS-INCOMPLETE"));
        JsonNode kjt = json("/api/assessment/units/XZ-KJT/years/2024/score", finance).get("score");
        assertEquals("INCOMPLETE", kjt.get("status").asText());
        assertTrue(kjt.get("grade").isNull(), kjt.toString());
        assertFalse(kjt.at("/coverage/missing").isEmpty(), "what is missing, and from whom");
        // the same finding, with the figures it involves, in the report the unit must answer for
        JsonNode revenue = null;
        for (JsonNode finding : json("/api/reports/units/XZ-KJT/years/2024/findings", finance)) {
            if (finding.get("ruleId").asText().equals("BUD-REVENUE-IDENTITY")) {
                revenue = finding;
            }
        }
        assertTrue(revenue != null && "ERROR".equals(revenue.get("severity").asText()), "an error-level finding");
        assertEquals(0, new BigDecimal("1500000").compareTo(revenue.get("difference").decimalValue().abs()),
                "40,000,000 stated against 36,000,000 + 1,000,000 + 2,000,000 − 500,000");
    }

    @Test
    void financeRanksTheUnitsReviewsAcceptsAndPublishes() throws Exception {
        JsonNode ranking = json("/api/assessment/rankings?fiscalYear=2024&size=100", finance);
        Map<String, JsonNode> ranked = new HashMap<>();
        int lastRanked = -1;
        int firstUnranked = Integer.MAX_VALUE;
        for (int i = 0; i < ranking.get("items").size(); i++) {
            JsonNode row = ranking.get("items").get(i);
            ranked.put(row.get("unitCode").asText(), row);
            if (row.get("rank").isNull()) {
                firstUnranked = Math.min(firstUnranked, i);
            } else {
                lastRanked = i;
            }
        }
        assertTrue(ranked.keySet().containsAll(UNITS), "listed: " + ranked.keySet());
        assertTrue(lastRanked < firstUnranked, "the incomplete evaluations come after every ranked one");
        // the consistent unit states evidence for every indicator: graded and ranked; the seed and the
        // contradictory unit do not: 待补充, with their coverage and no rank
        JsonNode complete = ranked.get("XZ-TJJ");
        assertEquals("SCORED", complete.get("status").asText());
        assertEquals(0, new BigDecimal("100").compareTo(complete.get("coveragePercent").decimalValue()));
        assertEquals("优", complete.get("grade").asText());
        assertTrue(complete.get("rank").isInt(), complete.toString());
        for (String incomplete : List.of("XZ-WXB", "XZ-KJT")) {
            JsonNode row = ranked.get(incomplete);
            assertEquals("INCOMPLETE", row.get("status").asText(), row.toString());
            assertTrue(row.get("rank").isNull() && row.get("grade").isNull(), row.toString());
            assertTrue(row.get("coveragePercent").decimalValue().compareTo(new BigDecimal("100")) < 0);
        }
        assertTrue(ranked.get("XZ-KJT").get("errorFindings").asInt() > 0);
        JsonNode summary = json("/api/assessment/summary?fiscalYear=2024", finance);
        long listed = 0;
        for (JsonNode count : summary.get("byGrade")) {
            listed += count.asLong();
        }
        assertEquals(summary.get("count").asLong() + summary.get("incomplete").asLong(), listed,
                "every scored unit-year is in the distribution, graded or 待补充");
        assertTrue(summary.get("count").asLong() >= 1 && summary.get("incomplete").asLong() >= 2, summary.toString());

        // the consistent unit: submitted, returned with a comment, submitted again, accepted, published
        String approver = tokens.user("reporter-tjj");
        String tjj = "/api/reports/units/XZ-TJJ/years/2024";
        awaitScoresOfTheFiguresShown(tjj);
        assertEquals(200, status("POST", tjj + "/submit", approver, null));
        assertEquals(200, status("POST", tjj + "/return", finance, "{\"comment\":\"请补充项目绩效目标完成情况\"}"));
        assertEquals("RETURNED", json(tjj + "/status", finance).get("status").asText());
        assertEquals(200, status("POST", tjj + "/submit", approver, null));
        assertEquals(200, status("POST", tjj + "/accept", finance, "{}"));
        assertEquals(404, status("GET", "/api/reports/public/units/XZ-TJJ/years/2024?format=json", null, null),
                "not open data before it is published");
        assertEquals(200, status("POST", tjj + "/publish", finance, "{\"approvalDate\":\"2025-06-30\"}"));
        JsonNode published = json(tjj + "/status", finance);
        assertEquals("PUBLISHED", published.get("status").asText());
        String open = new String(bytes("/api/reports/public/units/XZ-TJJ/years/2024?format=html", null),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(open.contains("5130万元"), "the published report carries the unit's 总支出 (51,300,000 yuan)");
    }

    /** The contradictory unit cannot submit until its error findings are corrected or explained. */
    @Test
    void theContradictoryUnitSubmitsOnlyOnceItsErrorFindingsAreExplained() throws Exception {
        String kjtReporter = tokens.user("reporter-kjt");
        String kjt = "/api/reports/units/XZ-KJT/years/2024";
        assertEquals(409, status("POST", kjt + "/submit", kjtReporter, null));
        assertTrue(blocking(kjt, kjtReporter).contains("BUD-REVENUE-IDENTITY"), "the revenue identity blocks submission");
        for (JsonNode finding : json(kjt + "/findings", kjtReporter)) {
            if (finding.get("blocking").asBoolean()) {
                assertEquals(200, status("PUT", kjt + "/findings/" + finding.get("ruleId").asText() + "/explanation",
                        kjtReporter, "{\"explanation\":\"数据口径差异，已向财政厅书面说明\"}"));
            }
        }
        awaitScoresOfTheFiguresShown(kjt);
        assertEquals(200, status("POST", kjt + "/submit", kjtReporter, null));
        assertEquals("SUBMITTED", json(kjt + "/status", finance).get("status").asText());
        // what was submitted rests on one set of versions: the figures shown are the ones scored
        JsonNode submitted = json(kjt + "/versions/1?format=json", finance);
        assertEquals(0, submitted.at("/basis/pending").size(), submitted.at("/basis").toString());
    }

    @Test
    void everyFigureOfEveryUnitIsPrintedAsAFinanceOfficePrintsIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String unit : UNITS) {
            String report = "/api/reports/units/" + unit + "/years/2024";
            wrong.addAll(PrintedFigures.violations(unit + " html", text(bytes(report + "?format=html", finance))));
            wrong.addAll(PrintedFigures.violations(unit + " json", texts(json(report + "?format=json", finance))));
            try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(bytes(report + "?format=docx",
                    finance))); XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
                wrong.addAll(PrintedFigures.violations(unit + " docx", extractor.getText()));
            }
            try (var pdf = Loader.loadPDF(bytes(report + "?format=pdf", finance))) {
                wrong.addAll(PrintedFigures.violations(unit + " pdf", new PDFTextStripper().getText(pdf)));
            }
            wrong.addAll(PrintedFigures.violations(unit + " findings", texts(json(report + "/findings", finance))));
            wrong.addAll(PrintedFigures.violations(unit + " score", texts(json(
                    "/api/assessment/units/" + unit + "/years/2024/score", finance))));
            wrong.addAll(PrintedFigures.violations(unit + " budget findings", texts(json(
                    "/api/budget/units/" + unit + "/years/2024/findings", finance))));
            wrong.addAll(PrintedFigures.violations(unit + " personnel findings", texts(json(
                    "/api/personnel/units/" + unit + "/years/2024/findings", finance))));
        }
        wrong.addAll(PrintedFigures.violations("ranking csv", text(bytes(
                "/api/assessment/rankings/export?fiscalYear=2024&format=csv", finance))));
        assertEquals(List.of(), wrong, "figures printed with the wrong precision or unit");
        // the scan itself finds what it must, and passes what is right
        for (String bad : List.of("96.04271443616667% × 权重 3", "扣 0.574 分", "公用经费支出 10617200%",
                "在职 380.5人", "19393.0720001万元", "偏离目标 5.735 个百分点")) {
            assertTrue(!PrintedFigures.violations("probe", bad).isEmpty(), bad);
        }
        assertEquals(List.of(), PrintedFigures.violations("probe", "19393.072万元，支出进度96.04%，381人，2.88分，扣 0.57 分"));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /**
     * Waits until the report's scores rest on the figures it shows: the budget, staff and asset snapshots reach
     * assessment-service and report-service on their own, and a report is not submitted on mixed versions.
     */
    private static void awaitScoresOfTheFiguresShown(String report) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode status = json(report + "/status", finance);
            return status != null && status.get("scorePending").isEmpty();
        });
    }

    private static String text(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The text a reader sees in a JSON answer: its strings, without timestamps, ids and hashes. */
    private static String texts(JsonNode node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String s = node.asText();
            if (!s.matches("\\d{4}-\\d{2}-\\d{2}T.*|[0-9a-f-]{36}|[0-9a-f]{64}")) {
                out.append(s).append('\n');
            }
        }
        node.forEach(child -> collect(child, out));
    }

    private static Set<String> blocking(String report, String token) throws Exception {
        Set<String> rules = new java.util.TreeSet<>();
        for (JsonNode finding : json(report + "/findings", token)) {
            if (finding.get("blocking").asBoolean()) {
                rules.add(finding.get("ruleId").asText());
            }
        }
        return rules;
    }

    private static Set<String> ruleIds(JsonNode findings) {
        Set<String> ids = new HashSet<>();
        if (findings != null) {
            findings.forEach(f -> ids.add(f.get("ruleId").asText()));
        }
        return ids;
    }

    /** Every call of the year's flows holds to the platform's OpenAPI document, request and answer. */
    private static HttpResponse<byte[]> send(String method, String path, String token, String body) throws Exception {
        HttpResponse<byte[]> response = Http.sendForBytes(method, gateway + path, token, "application/json", body);
        Contract.require(Contract.Scope.EXCHANGE, method, gateway + path, "application/json", token,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), response);
        return response;
    }

    private static int status(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, body).statusCode();
    }

    private static byte[] bytes(String path, String token) throws Exception {
        HttpResponse<byte[]> response = send("GET", path, token, null);
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private static JsonNode json(String path, String token) throws Exception {
        HttpResponse<byte[]> response = send("GET", path, token, null);
        if (response.statusCode() != 200) {
            return null;
        }
        return JSON.readTree(response.body());
    }
}
