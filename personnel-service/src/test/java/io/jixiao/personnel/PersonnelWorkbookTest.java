package io.jixiao.personnel;

import static io.jixiao.personnel.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.workbook.OoxmlSchema;
import io.jixiao.commons.workbooks.DocumentWorkbooks;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unit profile (admin) and the staff document as workbooks: the staff's categories and their 其中 subgroups
 * (a list inside a list's rows) come back as pushed, and an unchanged workbook makes no new version of either.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class PersonnelWorkbookTest {

    private static final String XLSX = DocumentWorkbooks.XLSX;

    @BeforeEach
    void units() {
        Api.ensureUnit("XZ-WXB");
    }

    @Test
    void theStaffWithTheirSubgroupsComeBackAsPushed() throws Exception {
        String path = Api.staffPath("XZ-WXB", 2011);
        ObjectNode staff = Api.seedStaff(2011);
        int version = given().auth().oauth2(token("client:xz-wxb-finance-system")).contentType(ContentType.JSON)
                .body(Api.write(staff)).put(path).then().statusCode(200).extract().path("version");
        byte[] workbook = given().auth().oauth2(token("reporter")).accept(XLSX).get(path).then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        assertEquals(List.of(), OoxmlSchema.problems(workbook));
        given().auth().oauth2(token("reporter")).contentType(XLSX).body(workbook).put(path).then().statusCode(200)
                .body("changed", equalTo(false)).body("version", equalTo(version));
        JsonNode held = Api.tree(given().auth().oauth2(token("finance")).get(path).then().statusCode(200)
                .extract().asString()).get("document");
        assertTrue(Api.sameFigures(staff, held), held.toString());
        assertTrue(held.at("/categories").toString().contains("including") || !staff.toString().contains("including"));

        // one more subgroup typed under the first category: a new version with exactly that
        byte[] changed;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            XSSFSheet subgroups = null;
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                if (book.getSheetName(i).startsWith("人员·其中")) {
                    subgroups = book.getSheetAt(i);
                }
            }
            assertTrue(subgroups != null, "a sheet for the 其中 of categories");
            int last = Math.max(subgroups.getLastRowNum(), 1);
            Row row = subgroups.createRow(last + 1);
            row.createCell(0).setCellValue(last);
            row.createCell(1).setCellValue(1);
            row.createCell(2).setCellValue("新录用人员");
            row.createCell(3).setCellValue(2);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            changed = out.toByteArray();
        }
        given().auth().oauth2(token("reporter")).contentType(XLSX).body(changed).put(path).then().statusCode(200)
                .body("changed", equalTo(true)).body("version", equalTo(version + 1));
        JsonNode history = Api.tree(given().auth().oauth2(token("reporter")).get(path + "/history").then()
                .statusCode(200).extract().asString());
        JsonNode changes = history.get(history.size() - 1).get("changes");
        assertEquals(1, changes.size(), changes::toString);
        assertTrue(changes.get(0).get("path").asText().startsWith("categories[0].including["), changes::toString);
        assertEquals("新录用人员", changes.get(0).at("/newValue/name").asText(), changes::toString);
    }

    @Test
    void theUnitProfileIsTheAdministratorsWorkbook() throws Exception {
        String path = "/api/personnel/units/XZ-WBP";
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body("{\"name\":\"工作簿测试单位\",\"region\":\"西藏自治区\",\"aliases\":[\"测试单位\",\"测试\"],"
                        + "\"internalBodies\":{\"count\":2,\"disclosed\":true,\"names\":[\"办公室\",\"财务处\"]}}")
                .put(path).then().statusCode(200).body("version", equalTo(1));
        byte[] workbook = given().auth().oauth2(token("admin")).accept(XLSX).get(path).then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        given().auth().oauth2(token("admin")).contentType(XLSX).body(workbook).put(path).then().statusCode(200)
                .body("version", equalTo(1));
        byte[] renamed;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            valueCell(book.getSheet("单位信息"), "name").setCellValue("工作簿测试单位（更名）");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            renamed = out.toByteArray();
        }
        given().auth().oauth2(token("reporter")).contentType(XLSX).body(renamed).put(path).then().statusCode(403);
        given().auth().oauth2(token("admin")).contentType(XLSX).body(renamed).put(path).then().statusCode(200)
                .body("version", equalTo(2)).body("name", equalTo("工作簿测试单位（更名）"))
                .body("aliases", equalTo(List.of("测试单位", "测试")))
                .body("internalBodies.names", equalTo(List.of("办公室", "财务处")));
    }

    static Cell valueCell(XSSFSheet sheet, String path) {
        for (Row row : sheet) {
            Cell f = row.getCell(5);
            if (f != null && path.equals(f.getStringCellValue())) {
                return row.getCell(1);
            }
        }
        throw new AssertionError("no row for " + path);
    }
}
