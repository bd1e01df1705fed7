package io.jixiao.commons.messaging;

import io.jixiao.events.EventEnvelope;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Where every read model takes in its records (收件箱): a record is read as an event of the subscription's type,
 * checked, and applied if newer than what the read model holds ({@link InboxWriter}). A record that can never be
 * applied (not such an event, a key its payload contradicts, a payload without its required part) fails with a
 * {@link PoisonMessageException}, and the connector's dead-letter strategy moves it to the dead-letter topic with the
 * reason; a transient failure is retried by the consumers' one retry policy ({@link RetryTransient}), each attempt in
 * a fresh transaction. Consumers call {@link #receive} from their {@code @Blocking @Incoming} methods.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final Envelopes envelopes;
    private final InboxWriter writer;

    public Inbox(Envelopes envelopes, InboxWriter writer) {
        this.envelopes = envelopes;
        this.writer = writer;
    }

    /** Takes in one record of the subscription's stream into the store; returns whether it changed anything. */
    @ApplyGuard(RetryTransient.GUARD)
    public <T> boolean receive(Subscription<T> subscription, ReadModelStore<T> store, String record) {
        return apply(subscription, store, read(subscription, record));
    }

    /** Reads a record as a whole event of the subscription's stream, or fails with a {@link PoisonMessageException}. */
    public <T> EventEnvelope<T> read(Subscription<T> subscription, String record) {
        EventEnvelope<T> event = envelopes.read(record, subscription.eventType(), subscription.payloadType());
        requireWhole(subscription, event);
        return event;
    }

    /** Applies one checked event (with the retry policy; a fresh transaction per attempt). */
    @ApplyGuard(RetryTransient.GUARD)
    public <T> boolean applyOne(Subscription<T> subscription, ReadModelStore<T> store, EventEnvelope<T> event) {
        return apply(subscription, store, event);
    }

    /**
     * Applies checked events of distinct keys in one transaction (with the retry policy; a fresh transaction per
     * attempt); returns how many were newer than what was held.
     */
    @ApplyGuard(RetryTransient.GUARD)
    public <T> int applyAll(Subscription<T> subscription, ReadModelStore<T> store, List<EventEnvelope<T>> events) {
        int applied = writer.applyAll(subscription, store, events);
        LOG.debugf("%s: %d of %d applied", subscription.name(), applied, events.size());
        return applied;
    }

    private <T> boolean apply(Subscription<T> subscription, ReadModelStore<T> store, EventEnvelope<T> event) {
        boolean applied = writer.apply(subscription, store, event);
        LOG.debugf("%s %s version %d %s", subscription.name(), event.key(), event.version(),
                applied ? "applied" : "already held");
        return applied;
    }

    /**
     * The record's key must be the one its payload implies: a record whose key says one unit and whose payload another
     * would be applied under the wrong key's ordering, so it is never applied. Nor is a payload without what the read
     * model needs of it.
     */
    static <T> void requireWhole(Subscription<T> subscription, EventEnvelope<T> event) {
        String payloadKey = subscription.key().apply(event.payload());
        if (payloadKey == null || payloadKey.isBlank() || !payloadKey.equals(event.key())) {
            throw new PoisonMessageException("event key " + event.key() + " does not match its payload's "
                    + payloadKey);
        }
        if (!subscription.complete().test(event.payload())) {
            throw new PoisonMessageException(subscription.eventType() + " without " + subscription.missing());
        }
    }
}
