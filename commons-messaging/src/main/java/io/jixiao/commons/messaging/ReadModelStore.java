package io.jixiao.commons.messaging;

import io.jixiao.events.EventEnvelope;
import java.util.OptionalLong;

/**
 * A read model's storage, as the {@link Inbox} uses it: both methods run in the inbox's transaction, under the lock
 * on the event's key, so what {@link #heldVersion} answers still holds when {@link #store} is called.
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
}
