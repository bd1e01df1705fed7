package io.jixiao.gateway.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.gateway.StubBackends;
import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages against stand-ins for the services: they call each service as the person (their token), print what
 * the services answer as finance offices print it, refuse another unit's pages without asking any service, take no
 * form without its CSRF token, send a visitor without a session to Keycloak's login (PKCE), and show published
 * reports to anyone. The whole flow in a real browser is {@code WebIT} (acceptance).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "kafka", value = "false"))
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.GLOBAL)
class PagesTest {

    /** What the stand-ins answer, by the start of the path asked for. */
    private static final Map<String, String> ANSWERS = Map.of(
            "/api/reports/years", "[2024]",
            "/api/assessment/summary", "{\"count\":0,\"incomplete\":1,\"byGrade\":{\"优\":0,\"良\":0,\"中\":0,\"差\":0,"
                    + "\"待补充\":1}}",
            "/api/reports/reports", "{\"counts\":{\"SUBMITTED\":2,\"ACCEPTED\":0,\"PUBLISHED\":0},\"overdue\":1,"
                    + "\"total\":2,\"items\":[]}",
            "/api/assessment/rankings", "{\"page\":0,\"size\":50,\"totalCount\":1,\"items\":[{\"unitCode\":\"XZ-WXB\","
                    + "\"unitName\":\"自治区党委网信办\",\"fiscalYear\":2024,\"status\":\"INCOMPLETE\","
                    + "\"coveragePercent\":96.04271443616667784515018505936799,\"total\":6.3125,\"errorFindings\":1}]}",
            "/api/assessment/warnings", "[]",
            "/api/assessment/frameworks", "[]",
            "/api/reports/public/years", "[]");

    @BeforeEach
    void answer() {
        StubBackends.RECEIVED.clear();
        StubBackends.ANSWERS = (service, request) -> ANSWERS.entrySet().stream()
                .filter(a -> request.uri().startsWith(a.getKey())).findFirst()
                .map(a -> new StubBackends.Answer(200, "application/json",
                        a.getValue().getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    @AfterEach
    void echoAgain() {
        StubBackends.ANSWERS = null;
    }

    @Test
    void theDashboardShowsWhatTheServicesSayPrintedAsAFinanceOfficePrintsIt() {
        String finance = TestInfrastructure.tokens().user("finance");
        String page = given().auth().oauth2(finance).get("/finance").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(page.contains("自治区党委网信办"), page);
        assertTrue(page.contains("<td>96.04%</td>"), "coverage to two decimals");
        assertTrue(page.contains("<td>6.31</td>"), "points to two decimals");
        assertTrue(page.contains("id=\"tile-overdue\""), page);
        assertTrue(!page.contains("96.0427"), "never the full precision");
        assertTrue(StubBackends.RECEIVED.size() >= 5);
        StubBackends.RECEIVED.forEach(r -> assertEquals("Bearer " + finance, r.authorization(), r.uri()));
    }

    @Test
    void anotherUnitsPageIsRefusedWithoutAskingAnyService() {
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).get("/units/XZ-TJJ/years/2024").then()
                .statusCode(403).body(containsString("无权访问"));
        given().auth().oauth2(TestInfrastructure.tokens().user("reporter")).get("/finance").then()
                .statusCode(403).body(containsString("无权访问"));
        assertEquals(List.of(), StubBackends.RECEIVED);
    }

    @Test
    void aFormIsTakenOnlyWithItsCsrfToken() {
        String reporter = TestInfrastructure.tokens().user("reporter");
        given().auth().oauth2(reporter).formParam("comment", "x").post("/units/XZ-WXB/years/2024/submit").then()
                .statusCode(400);
        assertTrue(StubBackends.RECEIVED.isEmpty(), "nothing reached a service");

        Response page = given().get("/public");
        String cookie = page.getCookie("jixiao-csrf");
        String token = page.asString().replaceAll("(?s).*\"X-CSRF-TOKEN\": \"([^\"]+)\".*", "$1");
        given().auth().oauth2(reporter).cookie("jixiao-csrf", cookie).formParam("csrf-token", token)
                .redirects().follow(false).post("/units/XZ-WXB/years/2024/submit").then().statusCode(303)
                .header("Location", containsString("/units/XZ-WXB/years/2024?done=submitted"));
        StubBackends.Received submit = StubBackends.RECEIVED.stream().filter(r -> r.method().equals("POST"))
                .findFirst().orElseThrow();
        assertEquals("/api/reports/units/XZ-WXB/years/2024/submit", submit.uri());
        assertEquals("Bearer " + reporter, submit.authorization());
    }

    @Test
    void aVisitorWithoutASessionIsSentToKeycloaksLoginWithPkceButTheApiAnswers401() {
        given().redirects().follow(false).get("/finance").then().statusCode(302)
                .header("Location", containsString("/protocol/openid-connect/auth"))
                .header("Location", containsString("code_challenge_method=S256"))
                .header("Location", containsString("client_id=jixiao-web"));
        given().redirects().follow(false).get("/api/budget/units/XZ-WXB/years/2024/budget").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void publishedReportsNeedNoLogin() {
        given().get("/public").then().statusCode(200).body(containsString("尚无公开的报告"))
                .body(not(containsString("id=\"logout\"")));
    }
}
