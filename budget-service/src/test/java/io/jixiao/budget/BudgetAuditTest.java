package io.jixiao.budget;

import static io.jixiao.budget.BudgetApi.knownUnits;
import static io.jixiao.budget.BudgetApi.seedBudget;
import static io.jixiao.budget.BudgetApi.subject;
import static io.jixiao.budget.BudgetApi.system;
import static io.jixiao.budget.BudgetApi.tree;
import static io.jixiao.budget.BudgetApi.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail (DESIGN §9) over HTTP and at the database: a push records who (subject, user, client), from
 * which request, when and which figure changed from what to what; a repeat records nothing; only finance, admin and
 * the unit itself read it; and neither the trail nor the documents' history can be changed, not even by the
 * service's own database user.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "budget"))
class BudgetAuditTest {

    private static final String BUDGET = "/api/budget/units/XZ-WXB/years/2015/budget";
    private static final String AUDIT = "/api/budget/units/XZ-WXB/years/2015/audit";

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);


    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void units() {
        // not @BeforeAll: the HTTP port of the app under test is known per test
        knownUnits("XZ-WXB", "XZ-TJJ");
    }

    @Test
    void aPushIsAuditedWithWhoFromWhereWhenAndWhatAndARepeatIsNot() {
        String system = system("xz-wxb-finance-system");
        String finance = user("finance");
        ObjectNode budget = (ObjectNode) exact(seedBudget());
        given().auth().oauth2(system).contentType(ContentType.JSON).body(budget.toString()).put(BUDGET)
                .then().statusCode(200);
        int before = audit(finance).size();

        OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
        budget.with("revenue").put("carryover", new BigDecimal("12942300.00"));
        given().auth().oauth2(system).header("X-Request-Id", "audit-push-7").contentType(ContentType.JSON)
                .body(budget.toString()).put(BUDGET).then().statusCode(200).body("changed", equalTo(true));
        OffsetDateTime end = OffsetDateTime.now().plusSeconds(1);

        JsonNode trail = audit(finance);
        assertEquals(before + 1, trail.size(), "one change, one entry");
        JsonNode entry = trail.get(trail.size() - 1);
        assertEquals("budget.put", entry.get("action").asText());
        assertEquals("budget XZ-WXB 2015", entry.get("target").asText());
        assertEquals("XZ-WXB", entry.get("unitCode").asText());
        assertEquals(2015, entry.get("fiscalYear").asInt());
        assertEquals(subject(system), entry.get("subject").asText());
        assertEquals("service-account-xz-wxb-finance-system", entry.get("username").asText());
        assertEquals("xz-wxb-finance-system", entry.get("client").asText());
        assertEquals("audit-push-7", entry.get("requestId").asText());
        OffsetDateTime at = OffsetDateTime.parse(entry.get("occurredAt").asText());
        assertTrue(!at.isBefore(start) && !at.isAfter(end), "recorded at the time of the push: " + at);
        assertEquals(1, entry.get("changes").size(), "only the changed figure: " + entry.get("changes"));
        JsonNode change = entry.get("changes").get(0);
        assertEquals("revenue.carryover", change.get("path").asText());
        assertEquals(new BigDecimal("12942200.00"), change.get("oldValue").decimalValue(), "exact, with its scale");
        assertEquals(new BigDecimal("12942300.00"), change.get("newValue").decimalValue());
        for (int i = 1; i < trail.size(); i++) {
            assertTrue(trail.get(i - 1).get("id").asLong() < trail.get(i).get("id").asLong(), "oldest first");
        }

        // the first version's entry lists the figures it set
        JsonNode first = trail.get(trail.size() - 2);
        assertEquals("budget.put", first.get("action").asText());
        JsonNode revenue = first.get("changes").get(0);
        assertEquals("revenue", revenue.get("path").asText(), "a first version records the new values");
        assertTrue(revenue.get("oldValue").isNull());
        assertEquals(new BigDecimal("12942200.00"), revenue.at("/newValue/carryover").decimalValue());

        // the same figures again: no new version, no new entry
        given().auth().oauth2(system).header("X-Request-Id", "audit-push-8").contentType(ContentType.JSON)
                .body(budget.toString()).put(BUDGET).then().statusCode(200).body("changed", equalTo(false));
        assertEquals(trail.size(), audit(finance).size(), "a repeat is no change and no entry");

        // the documents' history names the subject too
        JsonNode history = tree(given().auth().oauth2(finance).get(BUDGET + "/history").then().statusCode(200)
                .extract().asString());
        assertEquals(subject(system), history.get(history.size() - 1).get("changedBySubject").asText());

        // the unit itself and admin read it too
        given().auth().oauth2(user("reporter")).get(AUDIT).then().statusCode(200);
        given().auth().oauth2(user("admin")).get(AUDIT).then().statusCode(200);
    }

    @Test
    void onlyFinanceAdminAndTheUnitReadTheTrailAndNobodyWritesIt() {
        given().auth().oauth2(user("reporter-tjj")).get(AUDIT).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(system("xz-tjj-finance-system")).get(AUDIT).then().statusCode(403);
        given().auth().oauth2(system("nounit-system")).get(AUDIT).then().statusCode(403);
        given().get(AUDIT).then().statusCode(401);
        // the access check comes first: a foreign caller does not learn whether a unit exists
        given().auth().oauth2(user("reporter")).get("/api/budget/units/XZ-NOSUCH/years/2015/audit")
                .then().statusCode(403);
        given().auth().oauth2(user("finance")).get("/api/budget/units/XZ-WXB/years/1999/audit").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));

        String admin = user("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("[]").put(AUDIT).then().statusCode(405);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post(AUDIT).then().statusCode(405);
        given().auth().oauth2(admin).delete(AUDIT).then().statusCode(405);
        JsonNode operations = tree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString()).at("/paths").get("/api/budget/units/{unitCode}/years/{fiscalYear}/audit");
        List<String> methods = new ArrayList<>();
        operations.fieldNames().forEachRemaining(methods::add);
        assertEquals(List.of("get"), methods.stream().filter(m -> !m.equals("parameters")).toList());
    }

    @Test
    void theTrailAndTheDocumentHistoryRefuseUpdatesAndDeletesFromTheServicesOwnUser() throws SQLException {
        given().auth().oauth2(system("xz-wxb-finance-system")).contentType(ContentType.JSON).body(seedBudget())
                .put("/api/budget/units/XZ-WXB/years/2014/budget").then().statusCode(200);

        for (String table : List.of("audit_entry", "unit_year_document_history")) {
            List<String> rows = rows(table);
            assertFalse(rows.isEmpty(), table + " has rows to protect");
            String column = table.equals("audit_entry") ? "username" : "changed_by";
            for (String sql : List.of("update " + table + " set " + column + " = 'mallory'",
                    "delete from " + table, "delete from " + table + " where id = (select max(id) from " + table + ")",
                    "truncate " + table)) {
                SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
                assertTrue(refused.getMessage().contains(table + " is append-only"), refused.getMessage());
            }
            assertEquals(rows, rows(table), table + " unchanged");
        }
    }

    private static JsonNode audit(String token) {
        return exact(given().auth().oauth2(token).get(AUDIT).then().statusCode(200).extract().asString());
    }

    /** JSON read with the scale of its decimals (as the services keep them: 12942200.00 stays so). */
    private static JsonNode exact(String json) {
        try {
            return EXACT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> rows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select t::text from " + table + " t order by id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
