package io.jixiao.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event-carried state (DESIGN §4): every event carries the whole current state of its aggregate
 * ({@code payload}) and the aggregate's monotonic {@code version}. A consumer applies an event only
 * if its version is newer than the one it holds, so duplicates and replays are harmless.
 *
 * @param eventId    unique per event; the same change published twice keeps its id
 * @param type       the payload's type, e.g. {@link UnitSnapshot#TYPE}
 * @param key        the aggregate key, also the Kafka record key ({@code unitCode} or {@code unitCode:year})
 * @param version    monotonic per aggregate, starting at 1
 * @param occurredAt when the change was committed
 * @param source     the system the change came from (a Keycloak client id, or the service itself)
 * @param actor      who made the change (token subject or preferred user name)
 * @param payload    the whole current state of the aggregate
 */
public record EventEnvelope<T>(
        UUID eventId,
        String type,
        String key,
        long version,
        Instant occurredAt,
        String source,
        String actor,
        T payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** The key of a unit-year aggregate: {@code unitCode:fiscalYear}. */
    public static String unitYearKey(String unitCode, int fiscalYear) {
        return unitCode + ":" + fiscalYear;
    }
}
