package io.jixiao.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    /** Any nanoTime origin, also one near the end of the long range: only differences count. */
    private static final long T0 = Long.MAX_VALUE - 3 * SECOND;

    @Test
    void aFullBucketLetsTheBurstThroughThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(5, 10, T0);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, bucket.tryTake(T0), "request " + i);
        }
        assertEquals(SECOND / 5, bucket.tryTake(T0), "the next token is 200 ms away");
        assertEquals(SECOND / 5 - 1, bucket.tryTake(T0 + 1));
        assertEquals(1, bucket.tryTake(T0 + SECOND / 5 - 1));
        assertEquals(0, bucket.tryTake(T0 + SECOND / 5));
        assertEquals(SECOND / 5, bucket.tryTake(T0 + SECOND / 5));
        // one second later (the clock wraps past Long.MAX_VALUE): exactly 5 more
        long later = T0 + SECOND / 5 + SECOND;
        for (int i = 0; i < 5; i++) {
            assertEquals(0, bucket.tryTake(later), "request " + i);
        }
        assertTrue(bucket.tryTake(later) > 0);
    }

    @Test
    void noFractionOfATokenIsLostWhenAskedOften() {
        // 3 tokens/s: a token every 333,333,333.33 ns; asked every nanosecond-odd step, the sum must stay exact
        TokenBucket bucket = new TokenBucket(3, 1, T0);
        assertEquals(0, bucket.tryTake(T0));
        long now = T0;
        for (int i = 0; i < 1000; i++) {
            now += 333_333;
            assertTrue(bucket.tryTake(now) > 0);
        }
        // 333,333,000 ns have passed: 999,999,000 of the 1,000,000,000 units a token costs
        assertEquals(334, bucket.tryTake(now), "ceil(1,000 missing units / 3 units per ns)");
        assertEquals(0, bucket.tryTake(now + 334));
    }

    @Test
    void neverHoldsMoreThanTheBurstHoweverLongIdle() {
        TokenBucket bucket = new TokenBucket(1, 2, T0);
        assertEquals(0, bucket.tryTake(T0));
        assertEquals(0, bucket.tryTake(T0));
        long muchLater = T0 + Long.MAX_VALUE; // elapsed * rate would overflow without the cap
        assertTrue(bucket.isFull(muchLater));
        assertEquals(0, bucket.tryTake(muchLater));
        assertEquals(0, bucket.tryTake(muchLater));
        assertEquals(SECOND, bucket.tryTake(muchLater));
        assertFalse(bucket.isFull(muchLater));
        assertTrue(bucket.isFull(muchLater + 2 * SECOND));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(1, TokenBucket.retryAfterSeconds(1));
        assertEquals(1, TokenBucket.retryAfterSeconds(SECOND));
        assertEquals(2, TokenBucket.retryAfterSeconds(SECOND + 1));
        assertEquals(60, TokenBucket.retryAfterSeconds(60 * SECOND));
    }

    @Test
    void refusesALimitThatLetsNothingThrough() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 10, T0));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(5, 0, T0));
    }

    @Test
    void concurrentCallersTakeExactlyTheBurst() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(1, 1000, T0);
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 500; i++) {
                    if (bucket.tryTake(T0) == 0) {
                        granted.incrementAndGet();
                    }
                }
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(1000, granted.get());
    }
}
