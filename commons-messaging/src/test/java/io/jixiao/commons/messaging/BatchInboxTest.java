package io.jixiao.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.budget.BudgetSnapshot;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A batch as polled, without a server: the newest version of each key is applied, in one transaction; what can never
 * be applied goes to the dead-letter topic and the rest is applied anyway; a transient failure is left to the retry.
 */
class BatchInboxTest {

    private static final String BUDGET = """
            {"eventId":"6f1c4b1e-1111-4f3a-9a55-0a0b0c0d0e0f","type":"budget.snapshot","key":"%s:2024","version":%d,
             "occurredAt":"2025-01-15T08:00:00Z","source":"budget-service","actor":"finance",
             "payload":{"unitCode":"%s","fiscalYear":2024,"budget":{},"findings":[]}}""";

    /** Budgets in memory, counting how they are asked and stored. */
    private static final class Budgets implements ReadModelStore<BudgetSnapshot> {
        final Map<String, Long> held = new HashMap<>();
        final List<List<String>> batches = new ArrayList<>();
        int heldQueries;
        String failOn;
        RuntimeException failure;

        @Override
        public OptionalLong heldVersion(BudgetSnapshot payload) {
            heldQueries++;
            Long v = held.get(payload.unitCode() + ":2024");
            return v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }

        @Override
        public void store(EventEnvelope<BudgetSnapshot> event) {
            storeAll(List.of(event));
        }

        @Override
        public void storeAll(List<EventEnvelope<BudgetSnapshot>> events) {
            if (failure != null && events.stream().anyMatch(e -> e.key().startsWith(failOn))) {
                throw failure;
            }
            batches.add(events.stream().map(e -> e.key() + "@" + e.version()).toList());
            events.forEach(e -> held.put(e.key(), e.version()));
        }
    }

    /** The dead-letter topic, in memory. */
    private static final class Dead extends DeadLetters {
        final List<String> sent = new ArrayList<>();

        Dead() {
            super(null, null, "test-service");
        }

        @Override
        public void send(String channel, List<DeadLetter> letters) {
            letters.forEach(l -> sent.add(channel + " " + l.record().offset() + " " + l.reason().getMessage()));
        }
    }

    private final List<Collection<String>> locks = new ArrayList<>();
    private final Inbox inbox = new Inbox(new Envelopes(new ObjectMapper().findAndRegisterModules()),
            new InboxWriter(locks::add));
    private final Budgets budgets = new Budgets();
    private final Dead dead = new Dead();
    private final BatchInbox batchInbox = new BatchInbox(inbox, dead);

    private static ConsumerRecords<String, String> poll(String... values) {
        TopicPartition partition = new TopicPartition("budget.snapshots", 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("budget.snapshots", 0, 100 + i, "key", values[i]));
        }
        return new ConsumerRecords<>(Map.of(partition, records));
    }

    private static String budget(String unit, long version) {
        return BUDGET.formatted(unit, version, unit);
    }

    @Test
    void theNewestVersionOfEachKeyIsAppliedInOneTransactionAndWhatIsHeldIsNotAppliedAgain() {
        budgets.held.put("XZ-C:2024", 5L);
        int applied = batchInbox.receive("budget", Streams.BUDGET, budgets, poll(budget("XZ-A", 1), budget("XZ-B", 1),
                budget("XZ-A", 3), budget("XZ-A", 2), budget("XZ-C", 4)));
        assertEquals(2, applied);
        assertEquals(List.of(List.of("XZ-A:2024@3", "XZ-B:2024@1")), budgets.batches, "one store of the batch");
        assertEquals(List.of(List.of("inbox:budget:XZ-A:2024", "inbox:budget:XZ-B:2024", "inbox:budget:XZ-C:2024")),
                locks, "every key locked at once, in order");
        assertEquals(List.of(), dead.sent);
    }

    @Test
    void aRecordThatIsNoEventIsDeadLetteredAndTheRestApplied() {
        int applied = batchInbox.receive("budget", Streams.BUDGET, budgets, poll(budget("XZ-A", 1), "not json",
                budget("XZ-B", 2).replace("\"unitCode\":\"XZ-B\"", "\"unitCode\":\"XZ-OTHER\"")));
        assertEquals(1, applied);
        assertEquals(2, dead.sent.size());
        assertTrue(dead.sent.get(0).startsWith("budget 101 not a budget.snapshot event"), dead.sent.get(0));
        assertTrue(dead.sent.get(1).startsWith("budget 102 event key XZ-B:2024 does not match"), dead.sent.get(1));
    }

    @Test
    void anEventThatFailsTheBatchIsFoundOneByOneAndDeadLetteredWhileTheOthersAreApplied() {
        budgets.failOn = "XZ-B";
        budgets.failure = new IllegalStateException("a bug in storing XZ-B");
        int applied = batchInbox.receive("budget", Streams.BUDGET, budgets, poll(budget("XZ-A", 1), budget("XZ-B", 1),
                budget("XZ-C", 1)));
        assertEquals(2, applied);
        assertEquals(List.of(List.of("XZ-A:2024@1"), List.of("XZ-C:2024@1")), budgets.batches);
        assertEquals(List.of("budget 101 a bug in storing XZ-B"), dead.sent);
    }

    @Test
    void aTransientFailureIsNotDeadLetteredButLeftToTheRetry() {
        budgets.failOn = "XZ-A";
        budgets.failure = new RuntimeException(new SQLException("the database system is shutting down", "57P01"));
        assertThrows(RuntimeException.class, () -> batchInbox.receive("budget", Streams.BUDGET, budgets,
                poll(budget("XZ-A", 1))));
        assertEquals(List.of(), dead.sent);
        assertEquals(Map.of(), budgets.held);
    }
}
