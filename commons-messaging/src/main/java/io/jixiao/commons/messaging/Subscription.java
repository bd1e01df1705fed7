package io.jixiao.commons.messaging;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a read model takes from one stream of events (订阅): the event type and payload type it expects, the record key
 * its payload implies, and the part of the payload it cannot do without. The same for every service that keeps a read
 * model of the stream (see {@link Streams}).
 *
 * @param name        the stream's short name, in log lines and lock keys (e.g. {@code budget})
 * @param eventType   the envelope's {@code type}, e.g. {@code budget.snapshot}
 * @param payloadType the payload's class in the contracts module
 * @param key         the record key the payload implies ({@code unitCode} or {@code unitCode:fiscalYear}); null when
 *                    the payload names no aggregate
 * @param complete    whether the payload holds what a read model needs of it
 * @param missing     what a payload that is not complete lacks, for the dead-letter reason (e.g. {@code a budget})
 */
public record Subscription<T>(String name, String eventType, Class<T> payloadType, Function<T, String> key,
        Predicate<T> complete, String missing) {

    public Subscription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(complete, "complete");
    }

    /** A stream whose every payload with a key is complete. */
    public static <T> Subscription<T> of(String name, String eventType, Class<T> payloadType,
            Function<T, String> key) {
        return new Subscription<>(name, eventType, payloadType, key, payload -> true, null);
    }

    /** This stream, with payloads that lack the given part refused as poison. */
    public Subscription<T> requiring(String part, Predicate<T> present) {
        return new Subscription<>(name, eventType, payloadType, key, present, part);
    }
}
