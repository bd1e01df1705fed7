package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.tree;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finance's workbooks across all units (issue 14), opened with POI: every finding of a year (and region) with the
 * unit's explanation, and the publications due, overdue first. Only finance and admin may take them; a bad query is a
 * 400 naming the parameter. On the seed's figures for 2020 and a unit of another region.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class FinanceExportsTest {

    private static final int YEAR = 2020;
    private static final String OTHER = "SC-EXPORT";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String EXPLANATION = "财政下达资金指标已扣除年底收回资金";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        ReportApi.seed(YEAR);
        ReportApi.publishUnit(new UnitSnapshot(OTHER, "四川省导出测试单位", "四川省", "省本级", null, true, List.of(), null,
                UnitSnapshot.Bodies.none(), UnitSnapshot.Bodies.none(), null), 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(user("finance"))
                .get("/api/reports/known-units/" + OTHER).statusCode() == 200);
        Finding balance = new Finding("BUD-BALANCE", Severity.ERROR, "结转资金 = 财政下达资金指标 − 总支出",
                "结转资金150万元，按财政下达资金指标减总支出应为100万元", List.of(
                        new Finding.FigureRef("expenditure.carryover", "结转资金", new BigDecimal("1500000.00"))),
                new BigDecimal("1000000.00"), new BigDecimal("1500000.00"), new BigDecimal("500000.00"), "yuan", null);
        ReportApi.publishBudget(new BudgetSnapshot(OTHER, YEAR, SeedFixture.budgetDocument(), null, List.of(balance)),
                1);
        await().atMost(Duration.ofSeconds(60)).until(() -> tree(given().auth().oauth2(user("finance"))
                .queryParam("format", "json").get(path(OTHER, YEAR)).then().statusCode(200).extract().asString())
                .get("sources").toString().contains("\"budget\""));
        given().auth().oauth2(user("reporter")).contentType(ContentType.JSON)
                .body("{\"explanation\":\"" + EXPLANATION + "\"}")
                .put(path(SeedFixture.UNIT, YEAR) + "/findings/BUD-REVENUE-IDENTITY/explanation").then()
                .statusCode(200);
        seeded = true;
    }

    @Test
    void everyFindingOfTheYearIsOneRowWithTheUnitsExplanationAndTheRegionNarrowsThem() {
        byte[] xlsx = given().auth().oauth2(user("finance")).queryParam("fiscalYear", YEAR)
                .get("/api/reports/exports/findings").then().statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=findings-" + YEAR + ".xlsx"))
                .extract().asByteArray();
        Table table = Table.of(xlsx);
        assertEquals(List.of("单位编码", "单位名称", "地区", "预算年度", "来源", "规则", "级别", "规则内容", "说明", "涉及数字",
                "应有值", "填报值", "差额（填报−应有）", "计量单位", "情况说明", "阻止报送"), table.header());
        assertTrue(table.frozenHeader(), "the header row is frozen");

        // the seed unit: every finding its report lists from the snapshots, in the same order (the report's own INFO
        // findings on missing data are not held, and not exported)
        JsonNode listed = tree(given().auth().oauth2(user("finance")).get(path(SeedFixture.UNIT, YEAR) + "/findings")
                .then().statusCode(200).extract().asString());
        List<String> expected = new ArrayList<>();
        listed.forEach(f -> {
            if (!f.get("origin").asText().equals("report")) {
                expected.add(f.get("ruleId").asText());
            }
        });
        List<Map<String, Object>> seedRows = table.rowsOf(SeedFixture.UNIT);
        assertEquals(expected, seedRows.stream().map(r -> r.get("规则")).toList());
        assertTrue(expected.containsAll(List.of("BUD-REVENUE-IDENTITY", "BUD-EXPENDITURE-IDENTITY", "STAFF-UNCHECKED",
                "ASSESS-DECLARED-TOTAL")), expected.toString());
        Map<String, Object> revenue = only(seedRows, "BUD-REVENUE-IDENTITY");
        assertEquals("中共西藏自治区委员会网络安全和信息化委员会办公室", revenue.get("单位名称"));
        assertEquals("西藏自治区", revenue.get("地区"));
        assertEquals(new BigDecimal(YEAR), revenue.get("预算年度"));
        assertEquals("预算", revenue.get("来源"));
        assertEquals("错误", revenue.get("级别"));
        assertEquals(EXPLANATION, revenue.get("情况说明"));
        assertEquals("否", revenue.get("阻止报送"), "an explained error no longer blocks");
        Map<String, Object> expenditure = only(seedRows, "BUD-EXPENDITURE-IDENTITY");
        assertNull(expenditure.get("情况说明"));
        assertEquals("是", expenditure.get("阻止报送"));
        Map<String, Object> declared = only(seedRows, "ASSESS-DECLARED-TOTAL");
        assertEquals("评分", declared.get("来源"));
        assertEquals("警告", declared.get("级别"));
        assertEquals("自评总分95分高于按指标体系计算的88.5分", declared.get("说明"));
        assertEquals(0, new BigDecimal("88.5").compareTo((BigDecimal) declared.get("应有值")));
        assertEquals(0, new BigDecimal("95").compareTo((BigDecimal) declared.get("填报值")));
        assertEquals(0, new BigDecimal("6.5").compareTo((BigDecimal) declared.get("差额（填报−应有）")));
        assertEquals("分", declared.get("计量单位"));
        assertTrue(((String) declared.get("涉及数字")).contains("自评总分"), declared.toString());
        assertEquals("提示", only(seedRows, "STAFF-UNCHECKED").get("级别"));

        // the other region's unit: amounts in 万元
        Map<String, Object> balance = only(table.rowsOf(OTHER), "BUD-BALANCE");
        assertEquals("四川省导出测试单位", balance.get("单位名称"));
        assertEquals("四川省", balance.get("地区"));
        assertEquals(0, new BigDecimal("100").compareTo((BigDecimal) balance.get("应有值")));
        assertEquals(0, new BigDecimal("150").compareTo((BigDecimal) balance.get("填报值")));
        assertEquals(0, new BigDecimal("50").compareTo((BigDecimal) balance.get("差额（填报−应有）")));
        assertEquals("万元", balance.get("计量单位"));
        assertEquals("是", balance.get("阻止报送"));

        // a region: only its units
        Table sichuan = Table.of(given().auth().oauth2(user("admin")).queryParam("fiscalYear", YEAR)
                .queryParam("region", "四川省").get("/api/reports/exports/findings").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray());
        assertEquals(List.of("BUD-BALANCE"), sichuan.rows().stream().map(r -> r.get("规则")).toList());
        Table tibet = Table.of(given().auth().oauth2(user("finance")).queryParam("fiscalYear", YEAR)
                .queryParam("region", "西藏自治区").get("/api/reports/exports/findings").then().statusCode(200)
                .extract().asByteArray());
        assertTrue(tibet.rowsOf(OTHER).isEmpty());
        assertEquals(expected, tibet.rowsOf(SeedFixture.UNIT).stream().map(r -> r.get("规则")).toList());
        assertTrue(tibet.rows().stream().allMatch(r -> "西藏自治区".equals(r.get("地区"))));

        // a year without figures: the header alone
        assertEquals(List.of(), Table.of(given().auth().oauth2(user("finance")).queryParam("fiscalYear", 2001)
                .get("/api/reports/exports/findings").then().statusCode(200).extract().asByteArray()).rows());
    }

    @Test
    void onlyFinanceAndAdminTakeTheFindingsAndABadYearIsA400() {
        given().auth().oauth2(user("reporter")).queryParam("fiscalYear", YEAR).get("/api/reports/exports/findings")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(user("approver")).queryParam("fiscalYear", YEAR).get("/api/reports/exports/findings")
                .then().statusCode(403);
        given().queryParam("fiscalYear", YEAR).get("/api/reports/exports/findings").then().statusCode(401);
        for (String bad : new String[] {null, "", "abc", "2020.5", "1999", "9999"}) {
            var request = given().auth().oauth2(user("finance"));
            if (bad != null) {
                request.queryParam("fiscalYear", bad);
            }
            request.get("/api/reports/exports/findings").then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("fiscalYear"));
        }
    }

    @Test
    void thePublicationsDueAreOneRowEachOverdueFirst() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        approve(SeedFixture.UNIT, YEAR, today.minusDays(25)); // due 5 days ago
        approve(OTHER, YEAR, today.minusDays(17)); // due in 3 days
        approve(OTHER, 2021, today.minusDays(5)); // due in 15 days: outside the default window of 7

        byte[] xlsx = given().auth().oauth2(user("finance")).get("/api/reports/exports/due").then().statusCode(200)
                .contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=publications-due.xlsx"))
                .extract().asByteArray();
        Table table = Table.of(xlsx);
        assertEquals(List.of("单位编码", "单位名称", "预算年度", "状态", "决算批复日期", "公开截止日", "剩余天数", "是否逾期"),
                table.header());
        assertTrue(table.frozenHeader(), "the header row is frozen");
        Map<String, Object> overdue = only(table.rowsOf(SeedFixture.UNIT), YEAR);
        assertEquals("中共西藏自治区委员会网络安全和信息化委员会办公室", overdue.get("单位名称"));
        assertEquals("草稿", overdue.get("状态"));
        assertEquals(today.minusDays(25), overdue.get("决算批复日期"));
        assertEquals(today.minusDays(5), overdue.get("公开截止日"));
        assertEquals(new BigDecimal(-5), overdue.get("剩余天数"));
        assertEquals("是", overdue.get("是否逾期"));
        Map<String, Object> soon = only(table.rowsOf(OTHER), YEAR);
        assertEquals("四川省导出测试单位", soon.get("单位名称"));
        assertEquals(new BigDecimal(3), soon.get("剩余天数"));
        assertEquals("否", soon.get("是否逾期"));
        assertEquals(1, table.rowsOf(OTHER).size(), "15 days ahead is outside the window");
        // overdue first: no overdue row after one that is not
        List<Object> flags = table.rows().stream().map(r -> r.get("是否逾期")).toList();
        assertEquals(flags.stream().sorted((a, b) -> "是".equals(a) == "是".equals(b) ? 0 : "是".equals(a) ? -1 : 1)
                .toList(), flags);
        assertTrue(table.rows().indexOf(overdue) < table.rows().indexOf(soon));

        Table month = Table.of(given().auth().oauth2(user("admin")).queryParam("withinDays", 30)
                .get("/api/reports/exports/due").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of(new BigDecimal(3), new BigDecimal(15)),
                month.rowsOf(OTHER).stream().map(r -> r.get("剩余天数")).toList());

        given().auth().oauth2(user("reporter")).get("/api/reports/exports/due").then().statusCode(403);
        for (String bad : List.of("abc", "-1", "367", "7.5")) {
            given().auth().oauth2(user("finance")).queryParam("withinDays", bad).get("/api/reports/exports/due")
                    .then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("withinDays"));
        }
    }

    @Test
    void theApiDocumentDescribesBothWorkbooks() {
        JsonNode paths = tree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString()).get("paths");
        for (String route : List.of("/api/reports/exports/findings", "/api/reports/exports/due")) {
            JsonNode get = paths.path(route).path("get");
            assertEquals("binary", get.at("/responses/200/content").path(XLSX).at("/schema/format").asText(), route);
            assertTrue(get.path("responses").has("400") && get.path("responses").has("default"), route);
            assertFalse(get.path("summary").asText().isBlank(), route);
        }
        JsonNode year = paths.at("/~1api~1reports~1exports~1findings/get/parameters").get(0);
        assertEquals("fiscalYear", year.get("name").asText());
        assertEquals("integer", year.at("/schema/type").asText());
    }

    private static void approve(String unit, int year, LocalDate approval) {
        given().auth().oauth2(user("finance")).contentType(ContentType.JSON)
                .body("{\"approvalDate\":\"" + approval + "\"}").put(path(unit, year) + "/approval").then()
                .statusCode(200).body("publicationDue", equalTo(approval.plusDays(20).toString()));
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows, String ruleId) {
        List<Map<String, Object>> found = rows.stream().filter(r -> ruleId.equals(r.get("规则"))).toList();
        assertEquals(1, found.size(), ruleId + " in " + rows);
        return found.get(0);
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows, int year) {
        List<Map<String, Object>> found = rows.stream().filter(r -> new BigDecimal(year).equals(r.get("预算年度")))
                .toList();
        assertEquals(1, found.size(), year + " in " + rows);
        return found.get(0);
    }

    /** A workbook's only sheet as the test reads it: text, numbers as BigDecimal, dates as LocalDate. */
    private record Table(List<String> header, List<Map<String, Object>> rows, boolean frozenHeader) {

        static Table of(byte[] xlsx) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertEquals(1, book.getNumberOfSheets());
                XSSFSheet sheet = book.getSheetAt(0);
                List<String> header = new ArrayList<>();
                sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row row = sheet.getRow(i);
                    assertNotNull(row, "row " + i);
                    Map<String, Object> values = new java.util.LinkedHashMap<>();
                    for (int c = 0; c < header.size(); c++) {
                        values.put(header.get(c), value(row.getCell(c)));
                    }
                    rows.add(values);
                }
                var pane = sheet.getPaneInformation();
                boolean frozen = pane != null && pane.isFreezePane() && pane.getHorizontalSplitTopRow() == 1;
                return new Table(header, rows, frozen);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<Map<String, Object>> rowsOf(String unitCode) {
            return rows.stream().filter(r -> unitCode.equals(r.get("单位编码"))).toList();
        }

        private static Object value(Cell cell) {
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                return null;
            }
            if (cell.getCellType() == CellType.NUMERIC) {
                if (DateUtil.isCellDateFormatted(cell)) {
                    return cell.getLocalDateTimeCellValue().toLocalDate();
                }
                BigDecimal number = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                return number.scale() < 0 ? number.setScale(0) : number;
            }
            assertFalse(cell.getCellType() == CellType.FORMULA);
            return cell.getStringCellValue();
        }
    }
}
