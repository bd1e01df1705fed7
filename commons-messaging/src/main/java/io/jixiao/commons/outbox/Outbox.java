package io.jixiao.commons.outbox;

import io.jixiao.commons.json.StoredJson;
import io.jixiao.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes events into the outbox table inside the caller's transaction (DESIGN §4): the change and
 * its event commit together or not at all. {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final StoredJson json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(StoredJson json, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent add(String topic, EventEnvelope<?> event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.eventId();
        row.topic = topic;
        row.eventKey = event.key();
        row.eventType = event.type();
        row.payload = json.write(event);
        row.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
        // publish right after the commit rather than at the next poll
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return row;
    }
}
