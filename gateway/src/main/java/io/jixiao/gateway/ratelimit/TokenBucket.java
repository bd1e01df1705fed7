package io.jixiao.gateway.ratelimit;

/**
 * One caller's request budget: holds at most {@code burst} tokens, refills at {@code tokensPerSecond}, and each
 * request takes one. Thread-safe (callers of one identity may arrive on several event loops at once).
 *
 * <p>The arithmetic is exact: credit is counted in units of 1/1,000,000,000 token, so each elapsed nanosecond adds
 * exactly {@code tokensPerSecond} units and no fraction of a token is ever rounded away (or created) however often
 * the bucket is asked. Times are {@link System#nanoTime()} values, passed in so that tests can drive the clock.
 */
public final class TokenBucket {

    /** Credit units per token (and nanoseconds per second). */
    static final long UNITS_PER_TOKEN = 1_000_000_000L;

    private final long rate;
    private final long capacity;
    private long credit;
    private long updatedAt;

    /** A full bucket at {@code now}. */
    public TokenBucket(int tokensPerSecond, int burst, long now) {
        if (tokensPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per second and a burst of 1, not "
                    + tokensPerSecond + "/s burst " + burst);
        }
        this.rate = tokensPerSecond;
        this.capacity = burst * UNITS_PER_TOKEN; // at most 2^31 * 10^9 < 2^63
        this.credit = capacity;
        this.updatedAt = now;
    }

    /**
     * Takes a token if there is one.
     *
     * @return 0 when the request may pass; otherwise how many nanoseconds until a token will be there (at least 1)
     */
    public synchronized long tryTake(long now) {
        refill(now);
        if (credit >= UNITS_PER_TOKEN) {
            credit -= UNITS_PER_TOKEN;
            return 0;
        }
        return ceilDiv(UNITS_PER_TOKEN - credit, rate);
    }

    /** Whether the bucket is full again: such a bucket is no different from a new one, so it may be forgotten. */
    public synchronized boolean isFull(long now) {
        refill(now);
        return credit == capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt; // nanoTime values are compared by difference (they may wrap)
        if (elapsed <= 0) {
            return;
        }
        long missing = capacity - credit;
        // elapsed * rate would overflow after ~146 years at 1 token/s: cap it at what the bucket can still take
        credit = elapsed >= ceilDiv(missing, rate) ? capacity : credit + elapsed * rate;
        updatedAt = now;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    /** Whole seconds for a {@code Retry-After} header: rounded up, at least 1. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, ceilDiv(waitNanos, UNITS_PER_TOKEN));
    }
}
