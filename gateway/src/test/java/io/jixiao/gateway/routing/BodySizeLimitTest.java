package io.jixiao.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code quarkus.http.limits.max-body-size=10M}: one byte more is refused with problem details naming the limit. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "kafka", value = "false"))
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.GLOBAL)
class BodySizeLimitTest {

    static final int LIMIT = 10 * 1024 * 1024;
    static final String PATH = "/api/budget/units/XZ-WXB/years/2024/budget";

    @TestHTTPResource("/")
    URI gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void forget() {
        StubBackends.RECEIVED.clear();
        StubBackends.CUT_OFF.clear();
    }

    private static void assertTooLarge(int status, String contentType, String body) {
        assertEquals(413, status);
        assertEquals("application/problem+json", contentType);
        JsonPath problem = JsonPath.from(body);
        assertEquals("urn:jixiao:problem:payload-too-large", problem.getString("type"));
        assertEquals("Request body too large", problem.getString("title"));
        assertEquals(413, problem.getInt("status"));
        assertEquals("A request body may have at most 10485760 bytes (10M).", problem.getString("detail"));
    }

    @Test
    void aBodyOfExactlyTheLimitPasses() {
        String token = TestInfrastructure.tokens().client("xz-wxb-finance-system");
        given().auth().oauth2(token).contentType("application/octet-stream").body(new byte[LIMIT]).put(PATH)
                .then().statusCode(200).body("bytes", equalTo(LIMIT));
    }

    @Test
    void aBodyOneByteOverTheLimitIsRefusedWithProblemDetails() {
        String token = TestInfrastructure.tokens().client("xz-wxb-finance-system");
        var response = given().auth().oauth2(token).contentType("application/octet-stream")
                .body(new byte[LIMIT + 1]).put(PATH);
        assertTooLarge(response.statusCode(), response.contentType(), response.asString());
        assertTrue(StubBackends.RECEIVED.isEmpty(), "nothing reached the service: " + StubBackends.RECEIVED);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        String token = TestInfrastructure.tokens().client("xz-wxb-finance-system");
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + PATH + " HTTP/1.1\r\nHost: " + gateway.getAuthority() + "\r\nAuthorization: Bearer "
                    + token + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + (LIMIT + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the answer comes although not a byte of the body was sent (the gateway then waits for it, to drop it)
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertTrue(head.toString().startsWith("HTTP/1.1 413 "), head::toString);
            Map<String, String> headers = new HashMap<>();
            head.toString().lines().skip(1).filter(l -> l.contains(":")).forEach(l -> headers.put(
                    l.substring(0, l.indexOf(':')).trim().toLowerCase(), l.substring(l.indexOf(':') + 1).trim()));
            assertEquals("close", headers.get("connection"));
            byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            assertTooLarge(413, headers.get("content-type"), new String(body, StandardCharsets.UTF_8));
        }
        assertTrue(StubBackends.RECEIVED.isEmpty());
    }

    @Test
    void aChunkedBodyIsCountedAsItStreamsAndRefusedPastTheLimit() throws Exception {
        String token = TestInfrastructure.tokens().client("xz-wxb-finance-system");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve(PATH))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[LIMIT + 1])))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertTooLarge(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
        // the service saw the body stop short (the gateway reset the request), and never a complete request
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (StubBackends.CUT_OFF.stream().noneMatch(r -> r.uri().endsWith("/units/XZ-WXB/years/2024/budget"))) {
            assertTrue(System.nanoTime() < deadline, "the service never saw the body cut off");
            Thread.sleep(50);
        }
        assertTrue(StubBackends.RECEIVED.isEmpty(), "the service saw no complete request: " + StubBackends.RECEIVED);
    }

    @Test
    void aChunkedBodyWithinTheLimitStreamsThrough() throws Exception {
        String token = TestInfrastructure.tokens().client("xz-wxb-finance-system");
        InputStream body = new ByteArrayInputStream(new byte[3 * 1024 * 1024]);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve(PATH))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3 * 1024 * 1024, JsonPath.from(response.body()).getInt("bytes"));
        assertEquals(3 * 1024 * 1024, StubBackends.RECEIVED.get(0).bodyBytes());
    }
}
