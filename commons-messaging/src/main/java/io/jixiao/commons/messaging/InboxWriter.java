package io.jixiao.commons.messaging;

import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Applies a checked event if it is newer than what its read model holds, in one transaction: the lock on the event's
 * key, the held version, the store and whatever the store announces commit together or not at all, so a failed
 * attempt can simply be tried again.
 */
@ApplicationScoped
public class InboxWriter {

    private final Consumer<String> lock;

    public InboxWriter() {
        this(KeyLocks::lock);
    }

    /** With another lock, for tests without a database. */
    InboxWriter(Consumer<String> lock) {
        this.lock = lock;
    }

    /** Returns whether the event changed anything: duplicates and older versions are ignored. */
    @Transactional
    public <T> boolean apply(Subscription<T> subscription, ReadModelStore<T> store, EventEnvelope<T> event) {
        // one writer per aggregate of a stream, also for its first event
        lock.accept(lockKey(subscription, event));
        OptionalLong held = store.heldVersion(event.payload());
        if (held.isPresent() && held.getAsLong() >= event.version()) {
            return false;
        }
        store.store(event);
        return true;
    }

    static String lockKey(Subscription<?> subscription, EventEnvelope<?> event) {
        return "inbox:" + subscription.name() + ":" + event.key();
    }
}
