package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.tree;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * report-service's audit trail: explanations given, changed and withdrawn, and workflow actions, each with who,
 * from which client and request, and the values from and to; read by finance and the unit, not by another unit; the
 * table refuses changes here too.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class ReportAuditTest {

    private static final int YEAR = 2019;
    private static final String REPORT = path(SeedFixture.UNIT, YEAR);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void explanationsAndWorkflowActionsAreInTheUnitYearsTrail() {
        ReportApi.seed(YEAR);
        String reporter = user("reporter");
        String approver = user("approver");
        String finance = user("finance");
        int before = audit(finance).size();

        explain(reporter, "BUD-REVENUE-IDENTITY", "初稿", "audit-explain-1");
        explain(reporter, "BUD-REVENUE-IDENTITY", "财政下达资金指标已扣除年底收回的结转资金", "audit-explain-2");
        explain(reporter, "BUD-REVENUE-IDENTITY", "财政下达资金指标已扣除年底收回的结转资金", "audit-explain-3");
        explain(reporter, "BUD-EXPENDITURE-IDENTITY", "暂不说明", null);
        given().auth().oauth2(reporter).header("X-Request-Id", "audit-withdraw")
                .delete(REPORT + "/findings/BUD-EXPENDITURE-IDENTITY/explanation").then().statusCode(200);
        explain(reporter, "BUD-EXPENDITURE-IDENTITY", "总支出含上年结转资金支出", null);
        explain(reporter, "BUD-BALANCE", "结转资金含以前年度结转", null);
        given().auth().oauth2(approver).header("X-Request-Id", "audit-submit").post(REPORT + "/submit")
                .then().statusCode(200);
        given().auth().oauth2(finance).header("X-Request-Id", "audit-return").contentType(ContentType.JSON)
                .body("{\"comment\":\"请补充量化指标\"}").post(REPORT + "/return").then().statusCode(200);

        JsonNode trail = audit(finance);
        List<String> actions = new ArrayList<>();
        for (int i = before; i < trail.size(); i++) {
            actions.add(trail.get(i).get("action").asText());
        }
        assertEquals(List.of("explanation.put", "explanation.put", "explanation.put", "explanation.delete",
                "explanation.put", "explanation.put", "report.submit", "report.return"), actions,
                "the repeat recorded nothing");

        JsonNode changed = trail.get(before + 1);
        assertEquals("explanation BUD-REVENUE-IDENTITY XZ-WXB 2019", changed.get("target").asText());
        assertEquals("audit-explain-2", changed.get("requestId").asText());
        assertEquals("reporter", changed.get("username").asText());
        assertEquals(subject(reporter), changed.get("subject").asText());
        assertEquals("jixiao-cli", changed.get("client").asText());
        assertEquals(2019, changed.get("fiscalYear").asInt());
        assertChange(changed, "explanation", "初稿", "财政下达资金指标已扣除年底收回的结转资金");

        JsonNode withdrawn = trail.get(before + 3);
        assertEquals("audit-withdraw", withdrawn.get("requestId").asText());
        assertChange(withdrawn, "explanation", "暂不说明", null);

        JsonNode submitted = trail.get(before + 6);
        assertEquals("report XZ-WXB 2019", submitted.get("target").asText());
        assertEquals("approver", submitted.get("username").asText());
        assertEquals(subject(approver), submitted.get("subject").asText());
        assertEquals("audit-submit", submitted.get("requestId").asText());
        assertChange(submitted, "status", "DRAFT", "SUBMITTED");
        assertChange(submitted, "latestVersion", null, "1");

        JsonNode returned = trail.get(before + 7);
        assertEquals("finance", returned.get("username").asText());
        assertChange(returned, "status", "SUBMITTED", "RETURNED");
        assertChange(returned, "reviewComment", null, "请补充量化指标");

        given().auth().oauth2(reporter).get(REPORT + "/audit").then().statusCode(200);
        given().auth().oauth2(user("reporter-tjj")).get(REPORT + "/audit").then().statusCode(403);
    }

    @Test
    void theTrailRefusesChangesFromTheServicesOwnUser() throws SQLException {
        ReportApi.seed(YEAR);
        explain(user("reporter"), "BUD-REVENUE-IDENTITY", "说明 " + System.nanoTime(), null);
        for (String sql : List.of("update audit_entry set username = 'mallory'", "delete from audit_entry",
                "truncate audit_entry")) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }, sql);
            assertTrue(refused.getMessage().contains("audit_entry is append-only"), refused.getMessage());
        }
        audit(user("finance")).forEach(e -> assertTrue(!e.get("username").asText().equals("mallory")));
    }

    private static void explain(String token, String ruleId, String text, String requestId) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"explanation\":\"" + text + "\"}");
        if (requestId != null) {
            request = request.header("X-Request-Id", requestId);
        }
        request.put(REPORT + "/findings/" + ruleId + "/explanation").then().statusCode(200);
    }

    private static JsonNode audit(String token) {
        return tree(given().auth().oauth2(token).get(REPORT + "/audit").then().statusCode(200).extract().asString());
    }

    /** The entry changed {@code path} from {@code from} to {@code to} (null: absent). */
    private static void assertChange(JsonNode entry, String path, String from, String to) {
        for (JsonNode change : entry.get("changes")) {
            if (change.get("path").asText().equals(path)) {
                assertEquals(from, change.get("oldValue").isNull() ? null : change.get("oldValue").asText(), path);
                assertEquals(to, change.get("newValue").isNull() ? null : change.get("newValue").asText(), path);
                return;
            }
        }
        throw new AssertionError("no change of " + path + " in " + entry);
    }

    private static String subject(String token) {
        return tree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .get("sub").asText();
    }
}
