package io.jixiao.commons.messaging;

import io.jixiao.commons.messaging.DeadLetters.DeadLetter;
import io.jixiao.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Where a read model takes in a batch of records polled from its stream (DESIGN §10b): each record is read and checked
 * as the {@link Inbox} does; of several versions of one key only the newest is kept; the batch is applied in one
 * transaction (the store's {@link ReadModelStore#storeAll}), retried as a whole on a transient failure. Records that
 * can never be applied go to the dead-letter topic ({@link DeadLetters}): those that are not whole events at once, and,
 * if the batch fails for another reason, whichever of its events fails when each is then applied on its own. The
 * method returns once all of this is done, and the connector then commits the batch's offsets.
 */
@ApplicationScoped
public class BatchInbox {

    private static final Logger LOG = Logger.getLogger(BatchInbox.class);

    private final Inbox inbox;
    private final DeadLetters deadLetters;

    public BatchInbox(Inbox inbox, DeadLetters deadLetters) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
    }

    /** Takes in a batch polled from the channel; returns how many events changed the read model. */
    public <T> int receive(String channel, Subscription<T> subscription, ReadModelStore<T> store,
            ConsumerRecords<String, String> records) {
        List<DeadLetter> dead = new ArrayList<>();
        Map<String, EventEnvelope<T>> newest = new LinkedHashMap<>();
        Map<EventEnvelope<T>, ConsumerRecord<String, String>> origin = new IdentityHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                EventEnvelope<T> event = inbox.read(subscription, record.value());
                origin.put(event, record);
                newest.merge(event.key(), event, (held, next) -> next.version() > held.version() ? next : held);
            } catch (PoisonMessageException e) {
                dead.add(new DeadLetter(record, e));
            }
        }
        List<EventEnvelope<T>> events = List.copyOf(newest.values());
        int applied = 0;
        try {
            applied = inbox.applyAll(subscription, store, events);
        } catch (RuntimeException batchFailure) {
            if (TransientFailure.isTransient(batchFailure)) {
                throw batchFailure;
            }
            LOG.warnf(batchFailure, "%s: a batch of %d failed; applying its events one by one", channel,
                    events.size());
            for (EventEnvelope<T> event : events) {
                try {
                    applied += inbox.applyOne(subscription, store, event) ? 1 : 0;
                } catch (RuntimeException failure) {
                    if (TransientFailure.isTransient(failure)) {
                        throw failure;
                    }
                    dead.add(new DeadLetter(origin.get(event), failure));
                }
            }
        }
        deadLetters.send(channel, dead);
        return applied;
    }
}
