package io.jixiao.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final RateLimiter.Limit ONE_BURST_TWO = new RateLimiter.Limit(1, 2);
    private final AtomicLong clock = new AtomicLong(42);

    @Test
    void eachCallerHasABucketOfItsOwn() {
        RateLimiter limiter = new RateLimiter(ONE_BURST_TWO, 100, clock::get);
        assertEquals(0, limiter.tryTake("a", ONE_BURST_TWO));
        assertEquals(0, limiter.tryTake("a", ONE_BURST_TWO));
        assertEquals(SECOND, limiter.tryTake("a", ONE_BURST_TWO));
        assertEquals(0, limiter.tryTake("b", ONE_BURST_TWO));
        assertEquals(2, limiter.trackedCallers());
    }

    @Test
    void forgetsOnlyBucketsThatHaveRefilled() {
        RateLimiter limiter = new RateLimiter(ONE_BURST_TWO, 100, clock::get);
        limiter.tryTake("busy", ONE_BURST_TWO);
        limiter.tryTake("busy", ONE_BURST_TWO);
        limiter.tryTake("idle", ONE_BURST_TWO);
        clock.addAndGet(SECOND);

        assertEquals(1, limiter.evictIdle(), "idle has refilled, busy has 1 of 2");
        assertEquals(0, limiter.tryTake("busy", ONE_BURST_TWO));
        assertEquals(SECOND, limiter.tryTake("busy", ONE_BURST_TWO), "busy's budget survived the eviction");
        assertEquals(0, limiter.tryTake("idle", ONE_BURST_TWO));
        assertEquals(0, limiter.tryTake("idle", ONE_BURST_TWO), "a forgotten caller comes back with a full bucket");
    }

    @Test
    void callersBeyondTheBoundShareOneBucket() {
        RateLimiter limiter = new RateLimiter(ONE_BURST_TWO, 2, clock::get);
        limiter.tryTake("a", ONE_BURST_TWO);
        limiter.tryTake("b", ONE_BURST_TWO);
        assertEquals(0, limiter.tryTake("c", ONE_BURST_TWO));
        assertEquals(0, limiter.tryTake("d", ONE_BURST_TWO));
        assertTrue(limiter.tryTake("e", ONE_BURST_TWO) > 0, "c, d and e share one bucket of 2");
        assertEquals(0, limiter.tryTake("a", ONE_BURST_TWO), "tracked callers keep their own");
        assertEquals(2, limiter.trackedCallers());
    }

    @Test
    void eachCallersBucketIsMadeWithItsOwnLimit() {
        RateLimiter limiter = new RateLimiter(ONE_BURST_TWO, 100, clock::get);
        RateLimiter.Limit feeder = new RateLimiter.Limit(10, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.tryTake("feeder", feeder), "request " + (i + 1) + " of a burst of 5");
        }
        assertEquals(SECOND / 10, limiter.tryTake("feeder", feeder), "refills at 10/s");
        assertEquals(0, limiter.tryTake("person", ONE_BURST_TWO));
        assertEquals(0, limiter.tryTake("person", ONE_BURST_TWO));
        assertEquals(SECOND, limiter.tryTake("person", ONE_BURST_TWO));
    }
}
