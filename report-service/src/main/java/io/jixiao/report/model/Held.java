package io.jixiao.report.model;

import java.time.OffsetDateTime;

/**
 * A snapshot of another service as this service holds it, with the event it came from: the figures a report rests
 * on and where each came from.
 *
 * @param version    the aggregate's version in the owning service
 * @param eventId    the event that carried it
 * @param source     the system that pushed the figures
 * @param actor      who changed them
 * @param occurredAt when they changed
 */
public record Held<T>(T payload, long version, String eventId, String source, String actor,
        OffsetDateTime occurredAt) {
}
