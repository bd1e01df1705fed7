package io.jixiao.acceptance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.workbook.Field;
import io.jixiao.commons.workbook.FieldType;
import io.jixiao.commons.workbook.OoxmlSchema;
import io.jixiao.commons.workbook.SheetLayout;
import io.jixiao.commons.workbook.Template;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Tokens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A unit without a department system works in Excel (issue 14): the whole year as one workbook through the gateway,
 * each sheet applied by the service that owns it, as the caller.
 * <ul>
 * <li>The seed's workbook comes back unchanged (no new version of anything), one changed cell makes exactly that
 * change, recorded as a workbook upload with the file's SHA-256.</li>
 * <li>A workbook with one bad sheet stores nothing, and names the cell.</li>
 * <li>A blank workbook filled in from scratch gives a new unit the same documents, findings and score as the same
 * figures pushed as JSON gave another.</li>
 * </ul>
 */
class WorkbookIT {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SEED = "/api/workbooks/units/XZ-WXB/years/2024";
    /** Each document of a unit-year: where it is read as JSON. */
    private static final Map<String, String> DOCUMENTS = new LinkedHashMap<>();

    static {
        DOCUMENTS.put("budget", "/api/budget/units/%s/years/2024/budget");
        DOCUMENTS.put("staff", "/api/personnel/units/%s/years/2024/staff");
        DOCUMENTS.put("assets", "/api/personnel/units/%s/years/2024/assets");
        DOCUMENTS.put("evaluation", "/api/assessment/units/%s/years/2024/evaluation");
        DOCUMENTS.put("narratives", "/api/reports/units/%s/years/2024/narratives");
    }

    private static String gateway;
    private static Tokens tokens;
    private static String finance;

    @BeforeAll
    static void seed() {
        gateway = RunningPlatform.get().gatewayUrl();
        tokens = RunningPlatform.tokens();
        finance = tokens.user("finance");
        Fixtures.load(Fixtures.folder("xz-wxb-2024"), gateway, tokens, line -> { }, Contract::require);
        await().atMost(Duration.ofSeconds(90)).until(() -> status("/api/assessment/units/XZ-WXB/years/2024/score",
                finance) == 200);
    }

    @Test
    void theSeedsYearComesBackUnchangedAndOneCellMakesExactlyOneChange() throws Exception {
        String reporter = tokens.user("reporter");
        byte[] workbook = download(SEED, reporter);
        try (XSSFWorkbook book = open(workbook)) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            for (String sheet : List.of("预算", "预算·项目支出明细", "人员", "人员·各类别在职人数（人员类别）", "资产", "自评",
                    "报告文字", "填报说明")) {
                assertTrue(names.contains(sheet), sheet + " among " + names);
            }
            assertEquals(SheetVisibility.VERY_HIDDEN, book.getSheetVisibility(book.getSheetIndex("_template")));
            assertEquals(json(String.format(DOCUMENTS.get("budget"), "XZ-WXB"), reporter)
                    .at("/document/revenue/carryover").decimalValue().doubleValue(),
                    valueCell(book.getSheet("预算"), "revenue.carryover").getNumericCellValue());
        }
        assertEquals(List.of(), OoxmlSchema.problems(workbook), "valid OOXML");

        Map<String, Long> versions = versions("XZ-WXB", reporter);
        JsonNode unchanged = upload(SEED, reporter, workbook, 200);
        assertEquals(5, unchanged.get("documents").size(), unchanged::toString);
        assertEquals(versions, versions("XZ-WXB", reporter), "an unchanged workbook makes no new version");

        BigDecimal carryover = json(String.format(DOCUMENTS.get("budget"), "XZ-WXB"), reporter)
                .at("/document/revenue/carryover").decimalValue();
        byte[] changed = edit(workbook, book -> valueCell(book.getSheet("预算"), "revenue.carryover")
                .setCellValue(carryover.add(new BigDecimal("100.5")).doubleValue()));
        upload(SEED, reporter, changed, 200);
        Map<String, Long> after = versions("XZ-WXB", reporter);
        Map<String, Long> expected = new LinkedHashMap<>(versions);
        expected.put("budget", versions.get("budget") + 1);
        assertEquals(expected, after, "only the budget changed");
        JsonNode history = json("/api/budget/units/XZ-WXB/years/2024/budget/history", reporter);
        JsonNode last = history.get(history.size() - 1);
        assertEquals(1, last.get("changes").size(), last::toString);
        assertEquals("revenue.carryover", last.at("/changes/0/path").asText());
        assertEquals(0, carryover.compareTo(last.at("/changes/0/oldValue").decimalValue()));
        assertEquals(0, carryover.add(new BigDecimal("100.5")).compareTo(last.at("/changes/0/newValue").decimalValue()));
        String origin = "workbook sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(changed));
        assertEquals(origin, last.get("origin").asText());
        JsonNode audit = json("/api/budget/units/XZ-WXB/years/2024/audit", finance);
        assertEquals(origin, audit.get(audit.size() - 1).get("origin").asText());
        assertEquals("budget.put", audit.get(audit.size() - 1).get("action").asText());

        // the seed as it was, for the other tests
        upload(SEED, reporter, workbook, 200);
        assertEquals(0, carryover.compareTo(json(String.format(DOCUMENTS.get("budget"), "XZ-WXB"), reporter)
                .at("/document/revenue/carryover").decimalValue()));
    }

    @Test
    void theYearsWorkbookIsTheCallersToReadAndWriteAsEachDocumentIs() throws Exception {
        String other = tokens.user("reporter-tjj");
        byte[] workbook = download(SEED, tokens.user("reporter"));
        Map<String, Long> versions = versions("XZ-WXB", finance);
        assertEquals(403, Http.sendForBytes("GET", gateway + SEED, other, null, null).statusCode());
        assertEquals(401, Http.sendForBytes("GET", gateway + SEED, null, null, null).statusCode());
        assertEquals(403, Http.sendRaw("PUT", gateway + SEED, other, XLSX, workbook).statusCode());
        assertEquals(403, Http.sendRaw("PUT", gateway + SEED, finance, XLSX, workbook).statusCode());
        assertEquals(401, Http.sendRaw("PUT", gateway + SEED, null, XLSX, workbook).statusCode());
        assertEquals(versions, versions("XZ-WXB", finance), "nothing stored");
        download(SEED, finance); // finance reads every unit
    }

    @Test
    void aWorkbookWithOneBadSheetStoresNothingAndNamesTheCell() throws Exception {
        String reporter = tokens.user("reporter");
        byte[] workbook = download(SEED, reporter);
        String cell;
        try (XSSFWorkbook book = open(workbook)) {
            cell = "预算!" + valueCell(book.getSheet("预算"), "revenue.carryover").getAddress();
        }
        Map<String, Long> versions = versions("XZ-WXB", reporter);
        byte[] bad = edit(workbook, book -> {
            valueCell(book.getSheet("人员"), "totalInService").setCellValue(999); // a good change on one sheet
            valueCell(book.getSheet("预算"), "revenue.carryover").setCellValue("一千二百万"); // a bad one on another
        });
        JsonNode problem = upload(SEED, reporter, bad, 400);
        assertEquals(cell, problem.at("/errors/0/cell").asText(), problem::toString);
        assertEquals("revenue.carryover", problem.at("/errors/0/field").asText());
        assertTrue(problem.get("detail").asText().contains(cell + ": 不是金额"), problem::toString);
        assertEquals(versions, versions("XZ-WXB", reporter), "nothing stored");
    }

    @Test
    void aWorkbookFilledFromScratchEqualsTheSameFiguresPushedAsJson() throws Exception {
        Path seed = Fixtures.folder("xz-wxb-2024");
        String admin = tokens.user("admin");
        for (String unit : List.of("XZ-WBJ", "XZ-WBX")) {
            ObjectNode profile = (ObjectNode) JSON.readTree(seed.resolve("unit.json").toFile());
            profile.put("name", profile.get("name").asText() + "（" + unit + "）");
            assertEquals(200, Http.send("PUT", gateway + "/api/personnel/units/" + unit, admin, "application/json",
                    profile.toString()).statusCode());
        }
        // the same figures: pushed as JSON by one unit's system …
        String json = tokens.client("xz-wbj-finance-system");
        for (Map.Entry<String, String> document : DOCUMENTS.entrySet()) {
            String body = Files.readString(seed.resolve(document.getKey() + ".json"));
            String path = gateway + String.format(document.getValue(), "XZ-WBJ");
            await().atMost(Duration.ofSeconds(60)).until(() -> Http.send("PUT", path, json, "application/json", body)
                    .statusCode() == 200);
        }
        // … and typed into a blank workbook by the other unit
        String excel = tokens.client("xz-wbx-finance-system");
        String year = "/api/workbooks/units/XZ-WBX/years/2024";
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.sendForBytes("GET", gateway + year, excel, null, null)
                .statusCode() == 200);
        byte[] blank = download(year, excel);
        byte[] filled;
        try (XSSFWorkbook book = open(blank)) {
            assertEquals(org.apache.poi.ss.usermodel.CellType.BLANK,
                    valueCell(book.getSheet("预算"), "revenue.carryover").getCellType(), "a blank template");
            for (Template template : templates(book)) {
                fill(book, template, JSON.readTree(seed.resolve(template.kind() + ".json").toFile()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Http.sendRaw("PUT", gateway + year, excel, XLSX, filled)
                .statusCode() == 200);

        for (Map.Entry<String, String> document : DOCUMENTS.entrySet()) {
            JsonNode pushed = json(String.format(document.getValue(), "XZ-WBJ"), finance).get("document");
            JsonNode typed = json(String.format(document.getValue(), "XZ-WBX"), finance).get("document");
            if (pushed == null) {
                pushed = json(String.format(document.getValue(), "XZ-WBJ"), finance).get("narratives");
                typed = json(String.format(document.getValue(), "XZ-WBX"), finance).get("narratives");
            }
            assertEquals(List.of(), differences("", pushed, typed), document.getKey());
        }
        for (String findings : List.of("/api/budget/units/%s/years/2024/findings",
                "/api/personnel/units/%s/years/2024/findings")) {
            assertEquals(ruleIds(json(String.format(findings, "XZ-WBJ"), finance)),
                    ruleIds(json(String.format(findings, "XZ-WBX"), finance)), findings);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode a = json("/api/assessment/units/XZ-WBJ/years/2024/score", finance).get("score");
            JsonNode b = json("/api/assessment/units/XZ-WBX/years/2024/score", finance).get("score");
            assertNotNull(a);
            assertNotNull(b);
            assertEquals(0, a.get("total").decimalValue().compareTo(b.get("total").decimalValue()), a + "\n" + b);
            assertEquals(a.get("status"), b.get("status"));
            assertEquals(a.at("/coverage/percent"), b.at("/coverage/percent"));
            assertEquals(a.get("grade"), b.get("grade"));
            assertEquals(ruleIds(a.get("findings")), ruleIds(b.get("findings")));
        });
    }

    // --- a unit filling in a blank template, cell by cell, from the figures it has ---

    private static List<Template> templates(XSSFWorkbook book) throws IOException {
        XSSFSheet stamp = book.getSheet("_template");
        List<Template> templates = new ArrayList<>();
        for (Row row : stamp) {
            if (row.getRowNum() == 0) {
                continue;
            }
            StringBuilder layout = new StringBuilder();
            for (int c = 2; row.getCell(c) != null; c++) {
                layout.append(row.getCell(c).getStringCellValue());
            }
            templates.add(JSON.readValue(layout.toString(), Template.class));
        }
        return templates;
    }

    private static void fill(XSSFWorkbook book, Template template, JsonNode document) {
        Map<String, IdentityHashMap<JsonNode, Integer>> numbers = new LinkedHashMap<>();
        for (SheetLayout layout : template.sheets()) {
            XSSFSheet sheet = book.getSheet(layout.name());
            if (layout.shape() == SheetLayout.Shape.FORM) {
                for (Field field : layout.valueFields()) {
                    type(valueCell(sheet, field.path()), field, at(document, field.path()));
                }
                continue;
            }
            IdentityHashMap<JsonNode, Integer> mine = new IdentityHashMap<>();
            numbers.put(layout.name(), mine);
            List<JsonNode[]> rows = new ArrayList<>(); // element, parent
            if (layout.parentSheet() == null) {
                JsonNode list = at(document, layout.path());
                if (list != null) {
                    list.forEach(e -> rows.add(new JsonNode[] {e, null}));
                }
            } else {
                String child = layout.path().substring(layout.path().lastIndexOf("[].") + 3);
                numbers.get(layout.parentSheet()).entrySet().stream().sorted(Map.Entry.comparingByValue())
                        .forEach(p -> {
                            JsonNode list = at(p.getKey(), child);
                            if (list != null) {
                                list.forEach(e -> rows.add(new JsonNode[] {e, p.getKey()}));
                            }
                        });
            }
            int first = layout.parentSheet() == null ? 1 : 2;
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(2 + i) != null ? sheet.getRow(2 + i) : sheet.createRow(2 + i);
                row.createCell(0).setCellValue(i + 1);
                mine.put(rows.get(i)[0], i + 1);
                if (rows.get(i)[1] != null) {
                    row.createCell(1).setCellValue(numbers.get(layout.parentSheet()).get(rows.get(i)[1]));
                }
                for (int c = 0; c < layout.fields().size(); c++) {
                    Field field = layout.fields().get(c);
                    type(row.createCell(first + c), field, field.path().isEmpty() ? rows.get(i)[0]
                            : at(rows.get(i)[0], field.path()));
                }
            }
        }
    }

    /** What a finance officer types: numbers as numbers, dates as dates, the label of a choice, 是 or 否. */
    private static void type(Cell cell, Field field, JsonNode value) {
        if (value == null || value.isNull()) {
            return;
        }
        switch (field.type()) {
            case MONEY, PERCENT, DECIMAL, INTEGER -> cell.setCellValue(value.decimalValue().doubleValue());
            case DATE -> cell.setCellValue(LocalDate.parse(value.asText()));
            case BOOLEAN -> cell.setCellValue(value.asBoolean() ? "是" : "否");
            case CHOICE -> cell.setCellValue(field.options().stream().filter(o -> o.code().equals(value.asText()))
                    .findFirst().orElseThrow().label());
            case TEXT_LIST -> {
                List<String> items = new ArrayList<>();
                value.forEach(v -> items.add(v.asText()));
                cell.setCellValue(String.join("\n", items));
            }
            default -> {
                if (field.type() != FieldType.HEADING) {
                    cell.setCellValue(value.asText());
                }
            }
        }
    }

    // --- helpers ---

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            current = current == null ? null : current.get(part);
        }
        return current;
    }

    /** Differences between two documents, where a figure not stated (null, absent, empty) is the same. */
    private static List<String> differences(String path, JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        boolean blankA = blank(a);
        boolean blankB = blank(b);
        if (blankA || blankB) {
            if (blankA != blankB) {
                out.add(path + ": " + a + " ≠ " + b);
            }
            return out;
        }
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.addAll(differences(path + "." + name, a.get(name), b.get(name)));
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                out.addAll(differences(path + "[" + i + "]", a.get(i), b.get(i)));
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(path + ": " + a + " ≠ " + b);
            }
        } else if (!a.equals(b)) {
            out.add(path + ": " + a + " ≠ " + b);
        }
        return out;
    }

    private static boolean blank(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!blank(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static List<String> ruleIds(JsonNode findings) {
        JsonNode list = findings.isArray() ? findings : findings.get("findings");
        List<String> ids = new ArrayList<>();
        list.forEach(f -> ids.add(f.get("ruleId").asText() + "/" + f.get("severity").asText()));
        java.util.Collections.sort(ids);
        return ids;
    }

    private static Map<String, Long> versions(String unit, String token) throws Exception {
        Map<String, Long> versions = new LinkedHashMap<>();
        for (Map.Entry<String, String> document : DOCUMENTS.entrySet()) {
            versions.put(document.getKey(), json(String.format(document.getValue(), unit), token).get("version")
                    .asLong());
        }
        return versions;
    }

    static Cell valueCell(XSSFSheet sheet, String path) {
        for (Row row : sheet) {
            Cell f = row.getCell(5);
            if (f != null && path.equals(f.getStringCellValue())) {
                return row.getCell(1) != null ? row.getCell(1) : row.createCell(1);
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no row for " + path);
    }

    private static byte[] download(String path, String token) throws Exception {
        HttpResponse<byte[]> response = Http.sendForBytes("GET", gateway + path, token, null, null);
        assertEquals(200, response.statusCode(), () -> new String(response.body()));
        assertEquals(XLSX, response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    private static JsonNode upload(String path, String token, byte[] workbook, int status) throws Exception {
        HttpResponse<String> response = Http.sendRaw("PUT", gateway + path, token, XLSX, workbook);
        assertEquals(status, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    private static XSSFWorkbook open(byte[] workbook) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(workbook));
    }

    private static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook book = open(workbook)) {
            change.accept(book);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static JsonNode json(String path, String token) throws Exception {
        HttpResponse<String> response = Http.send("GET", gateway + path, token, null, null);
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static int status(String path, String token) throws Exception {
        return Http.send("GET", gateway + path, token, null, null).statusCode();
    }
}
