package io.jixiao.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.gateway.StubBackends;
import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browsers may call the API from the configured origins only (the default: the gateway's own local address,
 * {@code http://localhost:8080}, which in tests — on a random port — is a foreign origin that is allowed).
 *
 * <p>What Quarkus 3.33's CORS filter does with any other {@code Origin} (io.quarkus.vertx.http.runtime.cors.CORSFilter):
 * it answers 403 ("CORS Rejected - Invalid origin") without {@code Access-Control-Allow-Origin}, for a preflight and
 * for an actual request alike, and the request goes no further: no token check, nothing proxied. Same-origin
 * requests (the Swagger UI served by the gateway) are always allowed, also with an empty origins list.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "kafka", value = "false"))
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.GLOBAL)
class CorsTest {

    static final String ALLOWED = "http://localhost:8080";
    static final String FOREIGN = "https://elsewhere.example";
    static final String PATH = "/api/budget/units/XZ-WXB/years/2024/budget";

    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void forget() {
        StubBackends.RECEIVED.clear();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithWhatItMaySend() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options(PATH).then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", "GET,PUT,POST,DELETE,OPTIONS")
                .header("Access-Control-Allow-Headers", "Authorization,Content-Type,Idempotency-Key,X-Request-Id")
                .header("Access-Control-Expose-Headers", "X-Request-Id,Retry-After,Location")
                .header("Access-Control-Allow-Credentials", "false");
        assertTrue(StubBackends.RECEIVED.isEmpty(), "a preflight is answered by the gateway");
    }

    @Test
    void aRequestFromAnAllowedOriginCanReadTheAnswerAndItsHeaders() {
        String token = TestInfrastructure.tokens().user("finance");
        given().auth().oauth2(token).header("Origin", ALLOWED).get(PATH).then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", "X-Request-Id,Retry-After,Location")
                .body("uri", equalTo(PATH));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        given().header("Origin", FOREIGN).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization")
                .options(PATH).then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aRequestFromAnotherOriginIsRefusedBeforeItReachesAService() {
        String token = TestInfrastructure.tokens().user("finance");
        given().auth().oauth2(token).header("Origin", FOREIGN).get(PATH).then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", FOREIGN).get("/api/reports/public/units/XZ-WXB/years/2024").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        assertEquals(0, StubBackends.RECEIVED.size());
    }

    @Test
    void theGatewaysOwnOriginIsAlwaysAllowed() {
        String self = "http://" + gateway.getHost() + ":" + gateway.getPort();
        given().header("Origin", self).get("/api/reports/public/units/XZ-WXB/years/2024").then().statusCode(200)
                .header("Access-Control-Allow-Origin", self);
    }
}
