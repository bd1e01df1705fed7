package io.jixiao.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(42);

    @Test
    void eachCallerHasABucketOfItsOwn() {
        RateLimiter limiter = new RateLimiter(1, 2, 100, clock::get);
        assertEquals(0, limiter.tryTake("a"));
        assertEquals(0, limiter.tryTake("a"));
        assertEquals(SECOND, limiter.tryTake("a"));
        assertEquals(0, limiter.tryTake("b"));
        assertEquals(2, limiter.trackedCallers());
    }

    @Test
    void forgetsOnlyBucketsThatHaveRefilled() {
        RateLimiter limiter = new RateLimiter(1, 2, 100, clock::get);
        limiter.tryTake("busy");
        limiter.tryTake("busy");
        limiter.tryTake("idle");
        clock.addAndGet(SECOND);

        assertEquals(1, limiter.evictIdle(), "idle has refilled, busy has 1 of 2");
        assertEquals(0, limiter.tryTake("busy"));
        assertEquals(SECOND, limiter.tryTake("busy"), "busy's budget survived the eviction");
        assertEquals(0, limiter.tryTake("idle"));
        assertEquals(0, limiter.tryTake("idle"), "a forgotten caller comes back with a full bucket");
    }

    @Test
    void callersBeyondTheBoundShareOneBucket() {
        RateLimiter limiter = new RateLimiter(1, 2, 2, clock::get);
        limiter.tryTake("a");
        limiter.tryTake("b");
        assertEquals(0, limiter.tryTake("c"));
        assertEquals(0, limiter.tryTake("d"));
        assertTrue(limiter.tryTake("e") > 0, "c, d and e share one bucket of 2");
        assertEquals(0, limiter.tryTake("a"), "tracked callers keep their own");
        assertEquals(2, limiter.trackedCallers());
    }
}
