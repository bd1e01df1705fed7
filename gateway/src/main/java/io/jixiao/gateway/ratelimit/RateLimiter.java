package io.jixiao.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A {@link TokenBucket} per caller, sized by the caller's {@link Limit}, in bounded memory: {@link #evictIdle()} forgets the buckets that have refilled
 * (a full bucket is exactly what a returning caller would get anew, so forgetting it changes nobody's budget), and
 * beyond {@code maxCallers} tracked callers the others share one bucket, so that a flood of new identities or
 * addresses neither grows the map nor gets through unthrottled.
 */
public final class RateLimiter {

    /** A sustained rate and the most one caller may send at once (the bucket's size). */
    public record Limit(int requestsPerSecond, int burst) {

        public Limit {
            if (requestsPerSecond < 1 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs at least 1 request per second and a burst"
                        + " of 1, not " + requestsPerSecond + "/s burst " + burst);
            }
        }
    }

    private final Limit untrackedLimit;
    private final int maxCallers;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final TokenBucket untracked;

    /**
     * @param untrackedLimit what the callers beyond {@code maxCallers} share
     * @param nanoClock      {@link System#nanoTime()} in production, a settable clock in tests
     */
    public RateLimiter(Limit untrackedLimit, int maxCallers, LongSupplier nanoClock) {
        if (maxCallers < 1) {
            throw new IllegalArgumentException("max tracked callers must be at least 1, not " + maxCallers);
        }
        this.untrackedLimit = untrackedLimit;
        this.maxCallers = maxCallers;
        this.nanoClock = nanoClock;
        this.untracked = bucket(untrackedLimit, nanoClock.getAsLong());
    }

    /**
     * Takes a token from {@code caller}'s bucket, made with {@code limit} when the caller has none yet (a caller is
     * asked with the same limit every time: its key names what the limit depends on).
     *
     * @return 0 when the request may pass; otherwise the nanoseconds until it could
     */
    public long tryTake(String caller, Limit limit) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxCallers && !buckets.containsKey(caller)) {
            return untracked.tryTake(now);
        }
        long[] wait = new long[1];
        // compute() runs under the map's lock for this key, so evictIdle() cannot drop a bucket being drawn from
        buckets.compute(caller, (key, bucket) -> {
            TokenBucket b = bucket != null ? bucket : bucket(limit, now);
            wait[0] = b.tryTake(now);
            return b;
        });
        return wait[0];
    }

    /** Forgets every bucket that has refilled; returns how many callers are still tracked. */
    public int evictIdle() {
        long now = nanoClock.getAsLong();
        for (String caller : buckets.keySet()) {
            buckets.computeIfPresent(caller, (key, bucket) -> bucket.isFull(now) ? null : bucket);
        }
        return buckets.size();
    }

    private static TokenBucket bucket(Limit limit, long now) {
        return new TokenBucket(limit.requestsPerSecond(), limit.burst(), now);
    }

    /** What the callers beyond the bound share. */
    public Limit untrackedLimit() {
        return untrackedLimit;
    }

    /** How many callers have a bucket of their own. */
    public int trackedCallers() {
        return buckets.size();
    }
}
