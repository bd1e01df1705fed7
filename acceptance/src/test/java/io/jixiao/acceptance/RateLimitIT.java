package io.jixiao.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Service;
import io.jixiao.local.infra.Tokens;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A burst from one client beyond the gateway's rate limit (issue 6): the surplus gets 429 with Retry-After and
 * problem details, never a 5xx; other clients and the services behind the gateway are unaffected; once the
 * client waits as told, it gets through again.
 */
class RateLimitIT {

    /** Bounded: the burst stops at the first 429s or after this many requests, whichever comes first. */
    private static final int MAX_REQUESTS = 4_000;
    private static final int THREADS = 16;

    @Test
    void aBurstBeyondTheLimitGets429sAndTheServicesStayHealthy() throws Exception {
        Platform platform = RunningPlatform.get();
        Tokens tokens = RunningPlatform.tokens();
        String gateway = platform.gatewayUrl();
        // a caller no other test uses (demo realm user probe), so the bucket is its own
        String burster = tokens.user("probe");
        String finance = tokens.user("finance");
        String url = gateway + "/api/assessment/frameworks";

        AtomicInteger sent = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicBoolean enoughLimited = new AtomicBoolean();
        AtomicReference<HttpResponse<String>> firstLimited = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                while (!enoughLimited.get() && sent.incrementAndGet() <= MAX_REQUESTS) {
                    HttpResponse<String> response = Http.send("GET", url, burster, null, null);
                    switch (response.statusCode()) {
                        case 200 -> ok.incrementAndGet();
                        case 429 -> {
                            firstLimited.compareAndSet(null, response);
                            if (limited.incrementAndGet() >= 50) {
                                enoughLimited.set(true);
                            }
                        }
                        default -> other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(0, other.get(), "only 200 or 429 in a burst");
        assertTrue(limited.get() > 0, "no 429 in " + (ok.get() + limited.get()) + " requests");
        assertTrue(ok.get() > 0, "the burst's first requests got through");
        HttpResponse<String> refused = firstLimited.get();
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.body().contains("\"status\":429"), refused.body());

        // another client is not limited by this one's burst, and every service is still ready
        assertEquals(200, Http.send("GET", url, finance, null, null).statusCode());
        for (Service service : Service.values()) {
            assertEquals(200, Http.send("GET", platform.url(service) + "/q/health/ready", null, null, null)
                    .statusCode(), service + " ready");
        }
        // the limited client gets through once it has waited as told
        Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter) + 200);
        assertEquals(200, Http.send("GET", url, burster, null, null).statusCode());
    }
}
