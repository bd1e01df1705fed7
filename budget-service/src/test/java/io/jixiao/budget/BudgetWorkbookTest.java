package io.jixiao.budget;

import static io.jixiao.budget.BudgetApi.knownUnits;
import static io.jixiao.budget.BudgetApi.seedBudget;
import static io.jixiao.budget.BudgetApi.system;
import static io.jixiao.budget.BudgetApi.tree;
import static io.jixiao.budget.BudgetApi.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The budget as a workbook: downloaded as held, uploaded unchanged (no new version), one cell changed (a version
 * whose history shows exactly that figure, with the file's SHA-256 as its origin, also in the audit trail), a
 * rehearsal that stores nothing, and wrong cells refused by sheet and cell with nothing stored.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "budget"))
class BudgetWorkbookTest {

    private static final String BUDGET = "/api/budget/units/XZ-WXB/years/2007/budget";
    private static final String XLSX = DocumentWorkbooks.XLSX;

    @BeforeEach
    void units() {
        knownUnits("XZ-WXB", "XZ-TJJ");
    }

    @Test
    void aWorkbookComesBackUnchangedAndOneCellMakesOneChange() throws Exception {
        given().auth().oauth2(system("xz-wxb-finance-system")).contentType(ContentType.JSON).body(seedBudget())
                .put(BUDGET).then().statusCode(200);
        String reporter = user("reporter");
        long version = held(reporter).get("version").asLong();
        // a client that does not ask for a workbook gets JSON, as before
        given().auth().oauth2(reporter).get(BUDGET).then().statusCode(200).contentType(ContentType.JSON);
        given().auth().oauth2(reporter).header("Accept", "*/*").get(BUDGET).then().statusCode(200)
                .contentType(ContentType.JSON);
        java.net.http.HttpResponse<String> noAccept = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + BUDGET)).header("Authorization", "Bearer " + reporter)
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, noAccept.statusCode());
        assertTrue(noAccept.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "no Accept header: JSON");

        byte[] workbook = download(reporter);
        assertEquals(List.of(), OoxmlSchema.problems(workbook), "valid OOXML");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Cell carryover = valueCell(book.getSheet("预算"), "revenue.carryover");
            assertEquals(held(reporter).at("/document/revenue/carryover").decimalValue().doubleValue(),
                    carryover.getNumericCellValue());
            assertTrue(book.getSheet("预算·项目支出明细") != null, "projects have a sheet of their own");
        }

        upload(reporter, workbook, "").statusCode(200).body("changed", equalTo(false))
                .body("version", equalTo((int) version));

        byte[] changed = edit(workbook, book -> valueCell(book.getSheet("预算"), "revenue.carryover")
                .setCellValue(12942300.55));
        upload(reporter, changed, "").statusCode(200).body("changed", equalTo(true))
                .body("version", equalTo((int) version + 1));
        JsonNode history = tree(given().auth().oauth2(reporter).get(BUDGET + "/history").then().statusCode(200)
                .extract().asString());
        JsonNode last = history.get(history.size() - 1);
        assertEquals(1, last.get("changes").size(), last::toString);
        assertEquals("revenue.carryover", last.at("/changes/0/path").asText());
        assertEquals(new BigDecimal("12942300.55"), last.at("/changes/0/newValue").decimalValue());
        String origin = "workbook sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(changed));
        assertEquals(origin, last.get("origin").asText());
        JsonNode audit = tree(given().auth().oauth2(user("finance"))
                .get("/api/budget/units/XZ-WXB/years/2007/audit").then().statusCode(200).extract().asString());
        assertEquals(origin, audit.get(audit.size() - 1).get("origin").asText());
    }

    @Test
    void aRehearsalAnswersWhatStoringWouldAndStoresNothing() throws Exception {
        given().auth().oauth2(system("xz-wxb-finance-system")).contentType(ContentType.JSON).body(seedBudget())
                .put("/api/budget/units/XZ-WXB/years/2008/budget").then().statusCode(200);
        String reporter = user("reporter");
        String path = "/api/budget/units/XZ-WXB/years/2008/budget";
        byte[] workbook = given().auth().oauth2(reporter).accept(XLSX).get(path).then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        long version = tree(given().auth().oauth2(reporter).get(path).asString()).get("version").asLong();
        byte[] changed = edit(workbook, book -> valueCell(book.getSheet("预算"), "revenue.midYearAdditions")
                .setCellValue(1));
        given().auth().oauth2(reporter).contentType(XLSX).body(changed).put(path + "?dryRun=true").then()
                .statusCode(200).body("changed", equalTo(true)).body("version", equalTo((int) version + 1));
        assertEquals(version, tree(given().auth().oauth2(reporter).get(path).asString()).get("version").asLong());
    }

    @Test
    void wrongCellsAreNamedAndNothingIsStored() throws Exception {
        String reporter = user("reporter");
        String path = "/api/budget/units/XZ-WXB/years/2009/budget";
        byte[] template = given().auth().oauth2(reporter).accept(XLSX).get(path).then().statusCode(200)
                .extract().asByteArray();
        String carryoverCell;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            carryoverCell = "预算!" + valueCell(book.getSheet("预算"), "revenue.carryover").getAddress();
        }
        byte[] text = edit(template, book -> valueCell(book.getSheet("预算"), "revenue.carryover")
                .setCellValue("一百万"));
        given().auth().oauth2(reporter).contentType(XLSX).body(text).put(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].cell", equalTo(carryoverCell))
                .body("errors[0].field", equalTo("revenue.carryover"))
                .body("detail", org.hamcrest.Matchers.containsString(carryoverCell + ": 不是金额"));
        byte[] decimals = edit(template, book -> valueCell(book.getSheet("预算"), "revenue.carryover")
                .setCellValue(1.234));
        given().auth().oauth2(reporter).contentType(XLSX).body(decimals).put(path).then().statusCode(400)
                .body("errors[0].cell", equalTo(carryoverCell))
                .body("errors[0].field", equalTo("revenue.carryover"));
        given().auth().oauth2(reporter).get(path).then().statusCode(404);
        // JSON stays what a client gets without asking for a workbook
        given().auth().oauth2(reporter).get(BUDGET.replace("2007", "2009")).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theApiDocumentOffersTheBudgetAsJsonAndAsAWorkbook() {
        JsonNode document = tree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode path = document.at("/paths/~1api~1budget~1units~1{unitCode}~1years~1{fiscalYear}~1budget");
        assertTrue(path.at("/get/responses/200/content").has("application/json"), path::toString);
        assertTrue(path.at("/get/responses/200/content").has(XLSX), path::toString);
        assertTrue(path.at("/put/requestBody/content").has("application/json"), path::toString);
        assertTrue(path.at("/put/requestBody/content").has(XLSX), path::toString);
    }

    private static JsonNode held(String token) {
        return tree(given().auth().oauth2(token).accept(ContentType.JSON).get(BUDGET).then().statusCode(200)
                .extract().asString());
    }

    private static byte[] download(String token) {
        return given().auth().oauth2(token).accept(XLSX).get(BUDGET).then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
    }

    private static io.restassured.response.ValidatableResponse upload(String token, byte[] workbook, String query) {
        return given().auth().oauth2(token).contentType(XLSX).body(workbook).put(BUDGET + query).then();
    }

    /** The value cell of a form sheet's field, found by the path in its F column. */
    static Cell valueCell(XSSFSheet sheet, String path) {
        for (Row row : sheet) {
            Cell f = row.getCell(5);
            if (f != null && path.equals(f.getStringCellValue())) {
                return row.getCell(1) != null ? row.getCell(1) : row.createCell(1);
            }
        }
        throw new AssertionError("no row for " + path);
    }

    static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            change.accept(book);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
