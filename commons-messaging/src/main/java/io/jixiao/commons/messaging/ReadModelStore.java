package io.jixiao.commons.messaging;

import io.jixiao.events.EventEnvelope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A read model's storage, as the {@link Inbox} uses it: its methods run in the inbox's transaction, under the lock
 * on the event's key, so what {@link #heldVersion} answers still holds when {@link #store} is called. A batch of
 * events ({@link BatchInbox}) is taken in with {@link #heldVersions} and {@link #storeAll}, which a store that can do
 * better than one by one (one query, batched statements, one rescore per aggregate) implements.
 *
 * @param <T> the payload type of the stream kept
 */
public interface ReadModelStore<T> {

    /** The version held of the payload's aggregate; empty when nothing is held of it yet. */
    OptionalLong heldVersion(T payload);

    /**
     * Stores the event, newer than what is held, and announces the change (CDI events observed in the same
     * transaction).
     */
    void store(EventEnvelope<T> event);

    /** The versions held of the payloads' aggregates, by the subscription's key; absent where nothing is held. */
    default Map<String, Long> heldVersions(Subscription<T> subscription, List<T> payloads) {
        Map<String, Long> held = new HashMap<>();
        for (T payload : payloads) {
            OptionalLong version = heldVersion(payload);
            if (version.isPresent()) {
                held.put(subscription.key().apply(payload), version.getAsLong());
            }
        }
        return held;
    }

    /** Stores events, each newer than what is held and each of another aggregate, in the batch's one transaction. */
    default void storeAll(List<EventEnvelope<T>> events) {
        events.forEach(this::store);
    }
}
