package io.jixiao.gateway.workbooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.workbook.Layouts;
import io.jixiao.commons.workbook.OoxmlSchema;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbook.WorkbookWriter;
import io.jixiao.gateway.StubBackends;
import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The year's workbook at the gateway, against stand-ins for the services: a download is every service's sheets in
 * one workbook; an upload is rehearsed by every document's owner before any stores it, and when one refuses, none
 * is asked to store and the answer carries every refused cell.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "kafka", value = "false"))
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.GLOBAL)
class YearWorkbooksTest {

    private static final String XLSX = YearWorkbooks.XLSX;
    private static final String PATH = "/api/workbooks/units/XZ-WXB/years/2024";
    private static final List<String> KINDS = List.of("budget", "staff", "assets", "evaluation", "narratives");

    /** A small document for each stand-in service. */
    @Schema(description = "样例：检验年度工作簿。")
    public record Figures(@Schema(description = "金额（元）：一个数。") java.math.BigDecimal amount) {
    }

    @BeforeEach
    void forget() {
        StubBackends.RECEIVED.clear();
    }

    @AfterEach
    void echoAgain() {
        StubBackends.ANSWERS = null;
    }

    @Test
    void aDownloadIsEveryServicesSheetsInOneWorkbook() throws Exception {
        StubBackends.ANSWERS = (service, request) -> request.method().equals("GET")
                ? new StubBackends.Answer(200, XLSX, workbook(kindOf(request.uri()), "12.5")) : null;
        byte[] year = given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).get(PATH).then()
                .statusCode(200).contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(year))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(sheet -> sheets.add(sheet.getSheetName()));
            List<String> expected = new ArrayList<>(KINDS);
            expected.addAll(List.of(WorkbookWriter.GUIDE_SHEET, WorkbookWriter.STAMP_SHEET));
            assertEquals(expected, sheets);
            assertEquals(12.5, book.getSheet("staff").getRow(2).getCell(1).getNumericCellValue());
        }
        assertEquals(List.of(), OoxmlSchema.problems(year));
        assertEquals(5, StubBackends.RECEIVED.size());
        StubBackends.RECEIVED.forEach(r -> assertTrue(r.authorization().startsWith("Bearer "), "as the caller"));
    }

    @Test
    void oneRefusedSheetStoresNothingAndTheAnswerNamesItsCell() throws Exception {
        StubBackends.ANSWERS = (service, request) -> request.uri().contains("/staff?dryRun=true")
                ? new StubBackends.Answer(400, "application/problem+json", ("{\"type\":"
                        + "\"urn:jixiao:problem:invalid-input\",\"title\":\"Invalid input\",\"status\":400,"
                        + "\"detail\":\"staff!B3: 不是金额\",\"errors\":[{\"field\":\"amount\",\"message\":\"不是金额\","
                        + "\"cell\":\"staff!B3\"}]}").getBytes(StandardCharsets.UTF_8))
                : new StubBackends.Answer(200, "application/json", "{\"changed\":true}".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).contentType(XLSX).body(yearWorkbook())
                .put(PATH).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].cell", equalTo("staff!B3")).body("errors[0].field", equalTo("amount"));
        assertEquals(5, StubBackends.RECEIVED.size(), "five rehearsals: " + StubBackends.RECEIVED);
        assertTrue(StubBackends.RECEIVED.stream().allMatch(r -> r.uri().endsWith("?dryRun=true")),
                "nothing asked to store: " + StubBackends.RECEIVED);
    }

    @Test
    void whenEveryRehearsalPassesEachDocumentIsStoredAndAnswered() throws Exception {
        StubBackends.ANSWERS = (service, request) -> new StubBackends.Answer(200, "application/json",
                ("{\"changed\":" + !request.uri().contains("dryRun") + "}").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).contentType(XLSX).body(yearWorkbook())
                .put(PATH).then().statusCode(200).body("documents.kind", equalTo(KINDS))
                .body("documents[1].result.changed", equalTo(true));
        assertEquals(10, StubBackends.RECEIVED.size());
        assertEquals(5, StubBackends.RECEIVED.stream().filter(r -> !r.uri().contains("dryRun")).count());
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedAfterTheCallersRightIsChecked() {
        StubBackends.ANSWERS = (service, request) -> new StubBackends.Answer(403, "application/problem+json",
                "{\"type\":\"urn:jixiao:problem:forbidden\",\"title\":\"Forbidden\",\"status\":403}"
                        .getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .put(PATH).then().statusCode(403);
        StubBackends.ANSWERS = (service, request) -> new StubBackends.Answer(415, "application/problem+json",
                "{}".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).contentType(XLSX).body("not a workbook".getBytes(StandardCharsets.UTF_8))
                .put(PATH).then().statusCode(415).body("type", equalTo("urn:jixiao:problem:unreadable-workbook"));
        assertTrue(StubBackends.RECEIVED.stream().allMatch(r -> r.uri().endsWith("/budget?dryRun=true")),
                "only asked whether the caller may write: " + StubBackends.RECEIVED);
    }

    private static String kindOf(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static Template template(String kind) {
        return Layouts.of(kind, kind, Figures.class, List.of());
    }

    private static byte[] workbook(String kind, String amount) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WorkbookWriter.write(List.of(new WorkbookWriter.Filled(template(kind),
                    new ObjectMapper().readTree("{\"amount\":" + amount + "}"))), out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] yearWorkbook() throws IOException {
        List<WorkbookWriter.Filled> documents = new ArrayList<>();
        for (String kind : KINDS) {
            documents.add(new WorkbookWriter.Filled(template(kind), new ObjectMapper().readTree("{\"amount\":1}")));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter.write(documents, out);
        return out.toByteArray();
    }
}
