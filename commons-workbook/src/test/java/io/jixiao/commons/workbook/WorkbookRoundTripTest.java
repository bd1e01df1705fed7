package io.jixiao.commons.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class WorkbookRoundTripTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Template TEMPLATE = Layouts.of("sample", "样例", Sample.class,
            List.of(new SheetLayout.Total("total", List.of("+a", "+b", "-c"))));
    static final String JSON = """
            {"asOf":"2024-12-31","total":12345678.91,"a":12345000.5,"b":1000.41,"c":321.99,"rate":96.04,
             "headcount":37,"disclosed":false,"aliases":["自治区党委网信办","网信办"],
             "problems":["一是预算编制不够精细。","二是绩效目标不够量化；需改进。"],
             "group":{"budget":0.01,"kind":"BETA"},
             "items":[{"code":"2011301","amount":100,"operator":">=","parts":[{"name":"援藏干部","count":3}]},
                      {"code":"2080505","amount":2.5,"parts":[{"name":"甲","count":1},{"name":"乙","count":0}]}]}
            """;

    static byte[] write(JsonNode document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter.write(List.of(new WorkbookWriter.Filled(TEMPLATE, document)), out);
        return out.toByteArray();
    }

    static WorkbookBinding.Bound read(byte[] bytes) {
        try (WorkbookReader reader = WorkbookReader.open(bytes)) {
            return WorkbookBinding.read(reader, TEMPLATE);
        }
    }

    @Test
    void layoutFollowsTheRecord() {
        List<String> sheets = TEMPLATE.sheets().stream().map(SheetLayout::name).toList();
        assertEquals(List.of("样例", "样例·问题", "样例·明细", "样例·其中"), sheets);
        SheetLayout form = TEMPLATE.sheets().get(0);
        Field total = form.fields().stream().filter(f -> f.path().equals("total")).findFirst().orElseThrow();
        assertEquals("合计", total.label());
        assertEquals("元", total.unit());
        assertEquals(FieldType.MONEY, total.type());
        Field kind = form.fields().stream().filter(f -> f.path().equals("group.kind")).findFirst().orElseThrow();
        assertEquals(List.of(new Field.Option("ALPHA", "第一类"), new Field.Option("BETA", "第二类")), kind.options());
        assertEquals("样例·明细", TEMPLATE.sheets().get(3).parentSheet());
        assertEquals("items[].parts", TEMPLATE.sheets().get(3).path());
        assertEquals(FieldType.TEXT_LIST, form.fields().stream().filter(f -> f.path().equals("aliases")).findFirst()
                .orElseThrow().type());
    }

    @Test
    void aDocumentComesBackAsItWasWritten() throws IOException {
        JsonNode document = MAPPER.readTree(JSON);
        WorkbookWriter.Filled filled = new WorkbookWriter.Filled(TEMPLATE, document);
        WorkbookBinding.Bound bound = read(write(document));
        assertTrue(io.jixiao.commons.workbook.JsonEquality.same(document, bound.document()),
                () -> document + "\n" + bound.document());
        assertEquals("样例!B4", bound.cells().get("total"));
        assertEquals("样例·明细!C4", bound.cells().get("items[1].amount"));
        assertEquals("样例·其中!D5", bound.cells().get("items[1].parts[1].count"));
        assertEquals("样例·明细!C4", bound.cellOf("items[1].amount").orElseThrow());
        assertEquals("样例·明细!A4", bound.cellOf("items[1]").orElseThrow());
        assertEquals(filled.template().version(), TEMPLATE.version());
    }

    @Test
    void anEmptyTemplateReadsAsAnEmptyDocument() throws IOException {
        WorkbookBinding.Bound bound = read(write(null));
        assertTrue(bound.document().isEmpty(), bound.document()::toString);
    }

    @Test
    void theWorkbookShowsWhatAUnitNeeds() throws IOException {
        byte[] bytes = write(MAPPER.readTree(JSON));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet form = workbook.getSheet("样例");
            assertEquals("合计", form.getRow(3).getCell(0).getStringCellValue());
            assertEquals("元", form.getRow(3).getCell(2).getStringCellValue());
            XSSFCell formula = form.getRow(3).getCell(4);
            assertEquals("B5+B6-B7", formula.getCellFormula());
            Row rate = null;
            for (Row row : form) {
                if (row.getCell(5) != null && "rate".equals(row.getCell(5).getStringCellValue())) {
                    rate = row;
                }
            }
            assertEquals("0.00\"%\"", rate.getCell(1).getCellStyle().getDataFormatString(), "96.04 shows as 96.04%");
            assertEquals(96.04, rate.getCell(1).getNumericCellValue());
            assertFalse(form.getRow(3).getCell(1).getCellStyle().getLocked());
            assertTrue(form.getRow(3).getCell(0).getCellStyle().getLocked());
            assertTrue(form.isSheetLocked());
            assertTrue(workbook.isStructureLocked());
            assertFalse(form.getDataValidations().isEmpty());
            XSSFSheet items = workbook.getSheet("样例·明细");
            assertEquals("金额（元） *", items.getRow(1).getCell(2).getStringCellValue());
            assertEquals("SUM(C3:C22)", items.getRow(0).getCell(2).getCellFormula());
            assertEquals(">=", items.getRow(2).getCell(3).getStringCellValue());
            int stamp = workbook.getSheetIndex(WorkbookWriter.STAMP_SHEET);
            assertEquals(org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN, workbook.getSheetVisibility(stamp));
            XSSFSheet guide = workbook.getSheet(WorkbookWriter.GUIDE_SHEET);
            boolean described = false;
            for (org.apache.poi.ss.usermodel.Row row : guide) {
                org.apache.poi.ss.usermodel.Cell c = row.getCell(6);
                described |= c != null && "执行率（%）：如 96.04。".equals(c.getStringCellValue());
            }
            assertTrue(described, "the 填报说明 carries each field's description");
        }
        OoxmlSchemaCheck.assertValid(bytes);
    }

    @Test
    void theSchemaCheckFindsWhatWouldMakeExcelRepairAFile() throws Exception {
        byte[] good = write(MAPPER.readTree(JSON));
        assertEquals(List.of(), OoxmlSchema.problems(good));
        // the same workbook with an element a worksheet may not have, and a cell reference that is no reference
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(good));
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    content = new String(content, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("<sheetData>", "<sheetData><bogus/>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        List<String> problems = OoxmlSchema.problems(out.toByteArray());
        assertFalse(problems.isEmpty(), "a part that breaks the schema is found");
        assertTrue(problems.get(0).startsWith("/xl/worksheets/sheet1.xml"), problems::toString);
    }

    @Test
    void anOldTemplateIsToldApart() throws IOException {
        Template other = Layouts.of("sample", "样例", Sample.Group.class, List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter.write(List.of(new WorkbookWriter.Filled(other, null)), out);
        WorkbookRejected rejected = assertThrows(WorkbookRejected.class, () -> read(out.toByteArray()));
        assertEquals(WorkbookWriter.STAMP_SHEET + "!B", rejected.errors().get(0).cell());
    }
}
