package io.jixiao.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.budget.BudgetSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The inbox's decisions, without a server: the newest version wins under the lock of its stream and key, duplicates
 * and older versions change nothing, and a record its payload contradicts or leaves incomplete is poison before
 * anything is locked or stored.
 */
class InboxTest {

    /** A read model of budgets in memory, by record key. */
    private static final class Budgets implements ReadModelStore<BudgetSnapshot> {

        final Map<String, Long> held = new HashMap<>();
        final List<Long> stored = new ArrayList<>();

        @Override
        public OptionalLong heldVersion(BudgetSnapshot payload) {
            Long version = held.get(payload.unitCode() + ":" + payload.fiscalYear());
            return version == null ? OptionalLong.empty() : OptionalLong.of(version);
        }

        @Override
        public void store(EventEnvelope<BudgetSnapshot> event) {
            held.put(event.key(), event.version());
            stored.add(event.version());
        }
    }

    private static final String BUDGET = """
            {"eventId":"6f1c4b1e-1111-4f3a-9a55-0a0b0c0d0e0f","type":"budget.snapshot","key":"%s","version":%d,
             "occurredAt":"2025-01-15T08:00:00Z","source":"budget-service","actor":"finance",
             "payload":{"unitCode":"XZ-WXB","fiscalYear":2024,%s"findings":[]}}""";

    private final List<String> locked = new ArrayList<>();
    private final Inbox inbox = new Inbox(new Envelopes(new ObjectMapper().findAndRegisterModules()),
            new InboxWriter(locked::addAll));
    private final Budgets budgets = new Budgets();

    private static String budget(String key, long version) {
        return BUDGET.formatted(key, version, "\"budget\":{},");
    }

    @Test
    void theNewestVersionWinsAndDuplicatesAndOlderVersionsChangeNothing() {
        assertTrue(inbox.receive(Streams.BUDGET, budgets, budget("XZ-WXB:2024", 2)));
        assertFalse(inbox.receive(Streams.BUDGET, budgets, budget("XZ-WXB:2024", 2)));
        assertFalse(inbox.receive(Streams.BUDGET, budgets, budget("XZ-WXB:2024", 1)));
        assertTrue(inbox.receive(Streams.BUDGET, budgets, budget("XZ-WXB:2024", 3)));
        assertEquals(List.of(2L, 3L), budgets.stored);
        assertEquals(List.of("inbox:budget:XZ-WXB:2024"), locked.stream().distinct().toList(),
                "every attempt locks its stream and key before it reads the held version");
        assertEquals(4, locked.size());
    }

    @Test
    void aRecordItsPayloadContradictsOrLeavesIncompleteIsPoisonAndNothingIsLockedOrStored() {
        assertTrue(assertThrows(PoisonMessageException.class, () -> inbox.receive(Streams.BUDGET, budgets,
                budget("XZ-OTHER:2024", 1))).getMessage().contains("does not match"));
        assertTrue(assertThrows(PoisonMessageException.class, () -> inbox.receive(Streams.BUDGET, budgets,
                BUDGET.formatted("XZ-WXB:2024", 1, ""))).getMessage().contains("budget.snapshot without a budget"));
        assertTrue(assertThrows(PoisonMessageException.class, () -> inbox.receive(Streams.BUDGET, budgets,
                BUDGET.formatted("XZ-WXB:2024", 1, "\"budget\":{},").replace("\"XZ-WXB\"", "\" \"")))
                .getMessage().contains("does not match"), "a payload without a unit has no key");
        assertTrue(assertThrows(PoisonMessageException.class, () -> inbox.receive(Streams.SCORES, null,
                budget("XZ-WXB:2024", 1))).getMessage().contains("expected event type score.snapshot"));
        assertEquals(List.of(), locked);
        assertEquals(List.of(), budgets.stored);
    }
}
