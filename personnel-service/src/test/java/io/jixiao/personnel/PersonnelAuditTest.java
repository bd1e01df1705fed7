package io.jixiao.personnel;

import static io.jixiao.personnel.Api.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * personnel-service's audit trail: the units register's changes are the unit's entries of no year and show in every
 * year's trail of the unit; staff pushes are the year's; reference list changes are recorded with no unit.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "personnel"))
class PersonnelAuditTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aUnitProfileChangeIsAUnitLevelEntryWithItsFromAndTo() {
        String admin = token("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"审计测试局\",\"level\":\"省级\"}")
                .put("/api/personnel/units/XZ-AUD").then().statusCode(200);
        given().auth().oauth2(admin).header("X-Request-Id", "audit-unit-2").contentType(ContentType.JSON)
                .body("{\"name\":\"审计测试局（更名）\",\"level\":\"省级\"}")
                .put("/api/personnel/units/XZ-AUD").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"审计测试局（更名）\",\"level\":\"省级\"}")
                .put("/api/personnel/units/XZ-AUD").then().statusCode(200);

        JsonNode trail = Api.tree(given().auth().oauth2(token("finance"))
                .get("/api/personnel/units/XZ-AUD/years/2024/audit").then().statusCode(200).extract().asString());
        assertEquals(2, trail.size(), "two changes, the repeat recorded nothing: " + trail);
        for (JsonNode entry : trail) {
            assertEquals("unit.put", entry.get("action").asText());
            assertEquals("unit XZ-AUD", entry.get("target").asText());
            assertTrue(entry.get("fiscalYear").isNull(), "a unit's profile belongs to no year");
            assertEquals("admin", entry.get("username").asText());
            assertEquals(subject(admin), entry.get("subject").asText());
            assertEquals("jixiao-cli", entry.get("client").asText());
        }
        JsonNode renamed = trail.get(1);
        assertEquals("audit-unit-2", renamed.get("requestId").asText());
        assertEquals(1, renamed.get("changes").size(), renamed.get("changes").toString());
        assertEquals("name", renamed.at("/changes/0/path").asText());
        assertEquals("审计测试局", renamed.at("/changes/0/oldValue").asText());
        assertEquals("审计测试局（更名）", renamed.at("/changes/0/newValue").asText());

        // another unit's reporter learns nothing, the register's own route still answers
        given().auth().oauth2(token("reporter")).get("/api/personnel/units/XZ-AUD/years/2024/audit")
                .then().statusCode(403);
        given().auth().oauth2(admin).get("/api/personnel/units/XZ-AUD").then().statusCode(200);
    }

    @Test
    void staffPushesBelongToTheirYearAndReferenceListChangesToNoUnit() throws SQLException {
        Api.ensureUnit("XZ-WXB");
        String system = token("client:xz-wxb-finance-system");
        given().auth().oauth2(system).header("X-Request-Id", "audit-staff-2005").contentType(ContentType.JSON)
                .body(Api.write(Api.seedStaff(2005))).put(Api.staffPath("XZ-WXB", 2005)).then().statusCode(200);

        JsonNode trail2005 = Api.tree(given().auth().oauth2(token("reporter"))
                .get("/api/personnel/units/XZ-WXB/years/2005/audit").then().statusCode(200).extract().asString());
        JsonNode staff = null;
        for (JsonNode entry : trail2005) {
            assertTrue(entry.get("fiscalYear").isNull() || entry.get("fiscalYear").asInt() == 2005, entry.toString());
            if (entry.get("action").asText().equals("staff.put")) {
                staff = entry;
            }
        }
        assertTrue(staff != null, "the push is in its year's trail: " + trail2005);
        assertEquals("audit-staff-2005", staff.get("requestId").asText());
        assertEquals("xz-wxb-finance-system", staff.get("client").asText());
        assertEquals(subject(system), staff.get("subject").asText());
        JsonNode trail2006 = Api.tree(given().auth().oauth2(token("finance"))
                .get("/api/personnel/units/XZ-WXB/years/2006/audit").then().statusCode(200).extract().asString());
        trail2006.forEach(e -> assertTrue(e.get("fiscalYear").isNull(), "not another year's: " + e));

        String admin = token("admin");
        String kinds = "/api/personnel/reference/movement-kinds/audit-sample-in";
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"审计样例\",\"direction\":\"IN\",\"sortOrder\":990}").put(kinds)
                .then().statusCode(200);
        given().auth().oauth2(admin).header("X-Request-Id", "audit-kind-2").contentType(ContentType.JSON)
                .body("{\"name\":\"审计样例\",\"direction\":\"OUT\",\"sortOrder\":990}").put(kinds)
                .then().statusCode(200);
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select unit_code, fiscal_year, username, request_id, changes::text"
                        + " from audit_entry where target = 'movement-kind audit-sample-in' order by id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5));
            }
        }
        assertEquals(2, rows.size(), rows.toString());
        assertTrue(rows.get(0).startsWith("null|null|admin|"), rows.get(0));
        assertTrue(rows.get(1).startsWith("null|null|admin|audit-kind-2|"), rows.get(1));
        JsonNode changes = Api.tree(rows.get(1).substring(rows.get(1).indexOf("|[") + 1));
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("direction", changes.at("/0/path").asText());
        assertEquals("IN", changes.at("/0/oldValue").asText());
        assertEquals("OUT", changes.at("/0/newValue").asText());
    }

    private static String subject(String token) {
        return Api.tree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))
                .get("sub").asText();
    }
}
