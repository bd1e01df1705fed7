package io.jixiao.commons.messaging;

import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Applies checked events if they are newer than what their read model holds, in one transaction: the locks on the
 * events' keys, the held versions, the store and whatever the store announces commit together or not at all, so a
 * failed attempt can simply be tried again.
 */
@ApplicationScoped
public class InboxWriter {

    private final Consumer<Collection<String>> lock;

    public InboxWriter() {
        this(KeyLocks::lockAll);
    }

    /** With another lock, for tests without a database: it is given the keys of one transaction at once. */
    InboxWriter(Consumer<Collection<String>> lock) {
        this.lock = lock;
    }

    /** Returns whether the event changed anything: duplicates and older versions are ignored. */
    @Transactional
    public <T> boolean apply(Subscription<T> subscription, ReadModelStore<T> store, EventEnvelope<T> event) {
        // one writer per aggregate of a stream, also for its first event
        lock.accept(List.of(lockKey(subscription, event)));
        OptionalLong held = store.heldVersion(event.payload());
        if (held.isPresent() && held.getAsLong() >= event.version()) {
            return false;
        }
        store.store(event);
        return true;
    }

    /**
     * Applies events of distinct keys (a batch, the newest of each key already chosen) that are newer than what is
     * held; returns how many were.
     */
    @Transactional
    public <T> int applyAll(Subscription<T> subscription, ReadModelStore<T> store, List<EventEnvelope<T>> events) {
        if (events.isEmpty()) {
            return 0;
        }
        lock.accept(events.stream().map(e -> lockKey(subscription, e)).sorted().toList());
        Map<String, Long> held = store.heldVersions(subscription, events.stream().map(EventEnvelope::payload).toList());
        List<EventEnvelope<T>> newer = events.stream()
                .filter(e -> !held.containsKey(e.key()) || held.get(e.key()) < e.version()).toList();
        if (!newer.isEmpty()) {
            store.storeAll(newer);
        }
        return newer.size();
    }

    static String lockKey(Subscription<?> subscription, EventEnvelope<?> event) {
        return "inbox:" + subscription.name() + ":" + event.key();
    }
}
