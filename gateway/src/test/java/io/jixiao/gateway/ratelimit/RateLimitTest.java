package io.jixiao.gateway.ratelimit;

import static io.jixiao.gateway.StubBackends.BURST;
import static io.jixiao.gateway.StubBackends.FEEDER_BURST;
import static io.jixiao.gateway.StubBackends.FEEDER_RATE;
import static io.jixiao.gateway.StubBackends.RATE;
import static io.restassured.RestAssured.given;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tests' rate limit (5/s, bursts of 10: {@link StubBackends#RATE}, {@link StubBackends#BURST}) against a burst
 * of 40 requests sent at once, which must be cut off. The bursting callers are users no other test uses, so that
 * their empty buckets disturb nobody.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "kafka", value = "false"))
@WithTestResource(value = StubBackends.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

    static final int REQUESTS = 40;

    /** A burst's outcome: the answers and how long the burst took. */
    record Burst(List<HttpResponse<String>> responses, long nanos) {
        long count(int status) {
            return responses.stream().filter(r -> r.statusCode() == status).count();
        }

        /** The most the limit may let through in that time: a full bucket plus what refilled meanwhile. */
        long allowed() {
            return allowed(RATE, BURST);
        }

        long allowed(int rate, int burst) {
            return burst + (nanos * rate + 999_999_999L) / 1_000_000_000L;
        }

        HttpResponse<String> refused() {
            return responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        }
    }

    @TestHTTPResource("/")
    URI gateway;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void forget() {
        StubBackends.RECEIVED.clear();
    }

    private Burst burst(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.build();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            sent.add(http.sendAsync(built, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = sent.stream().map(CompletableFuture::join).toList();
        return new Burst(responses, System.nanoTime() - start);
    }

    @Test
    void aBurstByOneCallerIsCutOffWithRetryAfterAndOtherCallersAreNot() {
        String burster = TestInfrastructure.tokens().user("reporter-kjt");
        String sameClientOtherUser = TestInfrastructure.tokens().user("reporter-tjj");
        String otherClient = TestInfrastructure.tokens().client("nounit-system");

        Burst burst = burst("/api/budget/units/XZ-KJT/years/2024/budget", burster);

        long passed = burst.count(200);
        assertTrue(passed >= BURST, "a full bucket lets the burst through: " + passed);
        assertTrue(passed <= burst.allowed(), passed + " passed, at most " + burst.allowed() + " allowed");
        assertEquals(REQUESTS, passed + burst.count(429), "every other request was refused with 429");
        assertEquals(passed, StubBackends.RECEIVED.size(), "refused requests never reached the service");

        HttpResponse<String> refused = burst.refused();
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow(),
                "the next token is at most 200 ms away, rounded up to whole seconds");
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        JsonPath problem = JsonPath.from(refused.body());
        assertEquals("urn:jixiao:problem:rate-limited", problem.getString("type"));
        assertEquals(429, problem.getInt("status"));
        assertEquals("Too many requests", problem.getString("title"));
        assertEquals("This caller may send 5 requests per second (bursts of up to 10); retry after 1 s.",
                problem.getString("detail"));

        // another user of the same client (jixiao-cli), and another client, have budgets of their own
        given().auth().oauth2(sameClientOtherUser).get("/api/personnel/units").then().statusCode(200);
        given().auth().oauth2(otherClient).get("/api/budget/units/XZ-KJT/years/2024/budget").then().statusCode(200);
        assertEquals(passed + 2, StubBackends.RECEIVED.size());
    }

    @Test
    void aFeederSystemHasTheLargerBudgetOfItsOwn() {
        // xz-units-system's token names two units (unit_codes): it speaks for more than one unit
        String feeder = TestInfrastructure.tokens().client("xz-units-system");

        Burst burst = burst("/api/budget/units/XZ-TJJ/years/2024/budget", feeder);

        long passed = burst.count(200);
        assertTrue(passed >= FEEDER_BURST, "a feeder's full bucket lets " + FEEDER_BURST + " through: " + passed);
        assertTrue(passed <= burst.allowed(FEEDER_RATE, FEEDER_BURST), passed + " passed, at most "
                + burst.allowed(FEEDER_RATE, FEEDER_BURST) + " allowed");
        assertEquals(REQUESTS, passed + burst.count(429));
        assertEquals("This caller may send 5 requests per second (bursts of up to 30); retry after 1 s.",
                JsonPath.from(burst.refused().body()).getString("detail"));
    }

    @Test
    void callersWithoutATokenAreLimitedByAddress() throws InterruptedException {
        Burst burst = burst("/api/reports/public/units/XZ-WXB/years/2024?format=json", null);

        // other tests may have used this address's bucket a little: no lower bound beyond "some passed"
        long passed = burst.count(200);
        assertTrue(passed >= 1 && passed <= burst.allowed(), passed + " passed, at most " + burst.allowed());
        assertEquals(REQUESTS, passed + burst.count(429));
        assertEquals(passed, StubBackends.RECEIVED.size());
        assertEquals("1", burst.refused().headers().firstValue("Retry-After").orElseThrow());
        assertEquals("application/problem+json", burst.refused().headers().firstValue("Content-Type").orElseThrow());

        // leave the address's bucket full again for the tests after this one (it refills in burst / rate seconds)
        Thread.sleep(1_000L * BURST / RATE + 200);
    }
}
