package io.jixiao.acceptance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The annual cycle end to end, only through the gateway, as the department systems and the finance department
 * would drive it (issue 7): three units' figures pushed by their systems; the seed department's contradictions,
 * scores and its report in every format carrying every figure of the seed document; a consistent unit with no
 * findings; a contradictory one whose every contradiction becomes a finding; finance ranks the three, sees the
 * grade distribution, returns, accepts and publishes; the published report is open data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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
        for (String fixture : List.of("xz-wxb-2024", "xz-tjj-2024", "xz-kjt-2024")) {
            Fixtures.load(Fixtures.folder(fixture), gateway, tokens, line -> { }, Contract::require);
        }
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
    @Order(1)
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
        // the seed contradicts itself, and says so
        Set<String> rules = ruleIds(json("/api/budget/units/XZ-WXB/years/2024/findings", finance));
        assertTrue(rules.containsAll(Set.of("BUD-REVENUE-IDENTITY", "BUD-EXPENDITURE-IDENTITY")), rules.toString());
    }

    @Test
    @Order(2)
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
    @Order(3)
    void everyContradictionOfTheThirdUnitBecomesAFinding() throws Exception {
        assertTrue(ruleIds(json("/api/budget/units/XZ-KJT/years/2024/findings", finance)).containsAll(Set.of(
                "BUD-REVENUE-IDENTITY", "BUD-INITIAL-BY-SOURCE", "BUD-RECOVERIES-ITEMS", "BUD-EXPENDITURE-IDENTITY",
                "BUD-EXECUTION-RATE", "BUD-PROJECTS-RATE", "BUD-THREE-PUBLIC-WITHIN-BUDGET")));
        assertTrue(ruleIds(json("/api/personnel/units/XZ-KJT/years/2024/findings", finance).get("findings"))
                .containsAll(Set.of("STAFF-CATEGORIES-TOTAL", "STAFF-MOVEMENTS-BALANCE", "STAFF-STATED-CHANGE",
                        "STAFF-PAYROLL-WITHIN-TOTAL", "STAFF-OVER-ESTABLISHMENT", "STAFF-CATEGORY-OVER-ESTABLISHMENT",
                        "ASSET-FIXED-STATES")));
        // the declared 98 points stand above what the evidence gives
        await().atMost(Duration.ofSeconds(60)).until(() -> ruleIds(json("/api/assessment/units/XZ-KJT/years/2024/score",
                finance).at("/score/findings")).contains("ASSESS-DECLARED-TOTAL"));
        // the same finding, with the figures it involves, in the report the unit must answer for
        JsonNode revenue = null;
        for (JsonNode finding : json("/api/reports/units/XZ-KJT/years/2024/findings", finance)) {
            if (finding.get("ruleId").asText().equals("BUD-REVENUE-IDENTITY")) {
                revenue = finding;
            }
        }
        assertTrue(revenue != null && revenue.get("blocking").asBoolean(), "the revenue identity blocks submission");
        assertEquals(0, new BigDecimal("1500000").compareTo(revenue.get("difference").decimalValue().abs()),
                "40,000,000 stated against 36,000,000 + 1,000,000 + 2,000,000 − 500,000");
    }

    @Test
    @Order(4)
    void financeRanksTheUnitsReviewsAcceptsAndPublishes() throws Exception {
        JsonNode ranking = json("/api/assessment/rankings?fiscalYear=2024&size=100", finance);
        Map<String, JsonNode> ranked = new HashMap<>();
        for (JsonNode row : ranking.get("items")) {
            ranked.put(row.get("unitCode").asText(), row);
        }
        assertTrue(ranked.keySet().containsAll(UNITS), "ranked: " + ranked.keySet());
        for (String a : UNITS) {
            for (String b : UNITS) {
                int byTotal = ranked.get(a).get("total").decimalValue().compareTo(ranked.get(b).get("total").decimalValue());
                if (byTotal > 0) {
                    assertTrue(ranked.get(a).get("rank").asInt() < ranked.get(b).get("rank").asInt(), a + " above " + b);
                }
            }
        }
        assertTrue(ranked.get("XZ-KJT").get("errorFindings").asInt() > 0);
        JsonNode summary = json("/api/assessment/summary?fiscalYear=2024", finance);
        long graded = 0;
        for (JsonNode count : summary.get("byGrade")) {
            graded += count.asLong();
        }
        assertEquals(summary.get("count").asLong(), graded, "every unit-year has its grade in the distribution");
        assertTrue(summary.get("count").asLong() >= 3);

        // the consistent unit: submitted, returned with a comment, submitted again, accepted, published
        String approver = tokens.user("reporter-tjj");
        String tjj = "/api/reports/units/XZ-TJJ/years/2024";
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

        // the contradictory unit cannot submit until its error findings are corrected or explained
        String kjtReporter = tokens.user("reporter-kjt");
        String kjt = "/api/reports/units/XZ-KJT/years/2024";
        assertEquals(409, status("POST", kjt + "/submit", kjtReporter, null));
        for (JsonNode finding : json(kjt + "/findings", kjtReporter)) {
            if (finding.get("blocking").asBoolean()) {
                assertEquals(200, status("PUT", kjt + "/findings/" + finding.get("ruleId").asText() + "/explanation",
                        kjtReporter, "{\"explanation\":\"数据口径差异，已向财政厅书面说明\"}"));
            }
        }
        assertEquals(200, status("POST", kjt + "/submit", kjtReporter, null));
        assertEquals("SUBMITTED", json(kjt + "/status", finance).get("status").asText());
    }

    // ---------------------------------------------------------------------------------------------- helpers

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
