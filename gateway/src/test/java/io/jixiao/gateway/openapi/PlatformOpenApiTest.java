package io.jixiao.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.gateway.StubBackends;
import io.jixiao.testing.WithoutServers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi} through HTTP, with each stub service serving a document of its own. The document is public, so
 * the gateway runs here without Keycloak (its OIDC tenant off): a test of the gateway's own logic, in the fast tier.
 */
@QuarkusTest
@TestProfile(PlatformOpenApiTest.StubsOnly.class)
@WithoutServers
class PlatformOpenApiTest {

    /** The stub services and nothing else: no Keycloak, no global resources. */
    public static class StubsOnly implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StubBackends.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false");
        }
    }

    @BeforeEach
    void forget() {
        StubBackends.RECEIVED.clear();
        StubBackends.OPENAPI_ANSWERS.clear();
    }

    @AfterEach
    void restore() {
        StubBackends.OPENAPI_ANSWERS.clear();
    }

    @Test
    void mergesTheFourServicesDocumentsAndItsOwnWithoutAToken() {
        given().get("/openapi").then().statusCode(200).contentType(startsWith("application/json"))
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", equalTo("jixiao platform API"))
                .body("servers[0].url", equalTo("/"))
                .body("paths", allOf(hasKey("/api/budget/units/{unitCode}/years/{fiscalYear}/budget"),
                        hasKey("/api/personnel/units"), hasKey("/api/assessment/rankings"),
                        hasKey("/api/reports/public/units/{unitCode}/years/{year}"),
                        hasKey("/api/workbooks/units/{unitCode}/years/{fiscalYear}")))
                // the stubs' six paths and the gateway's own (the year's workbook)
                .body("paths.size()", equalTo(8))
                .body("paths.'/api/workbooks/units/{unitCode}/years/{fiscalYear}'.put.requestBody.content",
                        hasKey("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body("components.schemas", allOf(hasKey("Budget_Finding"), hasKey("Personnel_Finding"),
                        hasKey("ProblemDetail"), not(hasKey("Finding"))))
                .body("paths.'/api/personnel/units/{unitCode}/years/{year}/findings'.get.responses.'200'"
                        + ".content.'application/json'.schema.items.'$ref'",
                        equalTo("#/components/schemas/Personnel_Finding"))
                .body("components.schemas.Budget.properties.findings.items.'$ref'",
                        equalTo("#/components/schemas/Budget_Finding"))
                .body("paths.'/api/reports/public/units/{unitCode}/years/{year}'.get.security.size()", equalTo(0))
                .body("paths.'/api/assessment/rankings'.get.security[0]", hasKey("SecurityScheme"));

        assertEquals(Set.of("budget", "personnel", "assessment", "reports"),
                StubBackends.RECEIVED.stream().filter(r -> r.uri().equals("/q/openapi?format=json"))
                        .map(StubBackends.Received::backend).collect(Collectors.toSet()));
    }

    @Test
    void isThePrimaryDocumentOfTheSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .body(allOf(containsString("/openapi"), containsString("platform"), containsString("/openapi/budget")));
    }

    @Test
    void aServiceThatFailsMakesA503NamingItNotAPartialDocument() {
        StubBackends.OPENAPI_ANSWERS.put("assessment", StubBackends.FAILING);

        given().get("/openapi").then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:service-unavailable"))
                .body("status", equalTo(503))
                .body("title", equalTo("A service's API description is unavailable"))
                .body("detail", allOf(containsString("assessment answered HTTP 503"),
                        not(containsString("budget")), not(containsString("127.0.0.1"))));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeMakesA503Too() {
        StubBackends.OPENAPI_ANSWERS.put("reports", StubBackends.SILENT);
        long start = System.nanoTime();

        given().get("/openapi").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("reports did not answer within "
                        + StubBackends.OPENAPI_TIMEOUT_MS + " ms"));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3 * StubBackends.OPENAPI_TIMEOUT_MS, "gave up after " + millis + " ms");
    }

    @Test
    void twoServicesDescribingOnePathAreAConflictToReport() {
        StubBackends.OPENAPI_ANSWERS.put("reports", """
                {"openapi": "3.1.0", "info": {"title": "confused", "version": "1"},
                 "paths": {"/api/personnel/units": {"get": {"responses": {"200": {"description": "OK"}}}}}}""");

        given().get("/openapi").then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:openapi-conflict"))
                .body("status", equalTo(502))
                .body("detail", containsString("path /api/personnel/units is described by both personnel and reports"));
    }
}
