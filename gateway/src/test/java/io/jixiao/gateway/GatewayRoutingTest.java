package io.jixiao.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway against the real Keycloak, with recording stand-ins for the services behind it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "kafka", value = "false"))
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.GLOBAL)
class GatewayRoutingTest {

    @BeforeEach
    void forget() {
        StubBackends.RECEIVED.clear();
    }

    @Test
    void requestsWithoutAValidTokenNeverReachAService() {
        // refused in problem details, as the services refuse, with the challenge kept
        given().get("/api/budget/units/XZ-WXB/years/2024/budget").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:jixiao:problem:unauthorized")).body("status", equalTo(401));
        String token = TestInfrastructure.tokens().user("finance");
        String[] parts = token.split("\\.");
        given().auth().oauth2(parts[0] + "." + parts[1] + ".c2lnbmF0dXJl")
                .get("/api/personnel/units").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:unauthorized"));
        assertTrue(StubBackends.RECEIVED.isEmpty(), "refused at the gateway: " + StubBackends.RECEIVED);
    }

    @Test
    void routesEachPrefixWithTheTokenARequestIdAndForwardedHeaders() {
        String token = TestInfrastructure.tokens().user("finance");
        for (String path : new String[] {"/api/budget/x", "/api/personnel/units", "/api/assessment/rankings",
                "/api/reports/units/XZ-WXB/years/2024?format=json"}) {
            given().auth().oauth2(token).get(path).then().statusCode(200)
                    .header("X-Request-Id", notNullValue()).body("uri", equalTo(path));
        }
        assertEquals(4, StubBackends.RECEIVED.size());
        for (var r : StubBackends.RECEIVED) {
            assertEquals("Bearer " + token, r.authorization());
            assertNotNull(r.requestId());
            assertNotNull(r.forwardedFor());
        }
    }

    @Test
    void keepsTheCallersRequestIdAndStreamsLargeBodies() {
        String token = TestInfrastructure.tokens().client("xz-wxb-finance-system");
        byte[] body = new byte[8 * 1024 * 1024];
        given().auth().oauth2(token).header("X-Request-Id", "push-2024-0001").contentType("application/octet-stream")
                .body(body).put("/api/budget/units/XZ-WXB/years/2024/budget")
                .then().statusCode(200).header("X-Request-Id", "push-2024-0001").body("bytes", equalTo(body.length));
        assertEquals("push-2024-0001", StubBackends.RECEIVED.get(0).requestId());
    }

    @Test
    void publishedReportsAreOpenDataButNothingElseIs() {
        given().get("/api/reports/public/units/XZ-WXB/years/2024?format=json").then().statusCode(200)
                .body("uri", equalTo("/api/reports/public/units/XZ-WXB/years/2024?format=json"));
        given().get("/api/reports/units/XZ-WXB/years/2024").then().statusCode(401);
        given().get("/api/reports/publicity").then().statusCode(401);
    }

    @Test
    void servesEachServicesOpenApiDocumentAndAggregatesReadiness() {
        given().get("/openapi/budget").then().statusCode(200).body("info.title", equalTo("jixiao budget-service"));
        assertEquals("budget", StubBackends.RECEIVED.get(0).backend());
        assertEquals("/q/openapi?format=json", StubBackends.RECEIVED.get(0).uri());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'services behind the gateway' }.data.budget", equalTo("UP"));
    }
}
