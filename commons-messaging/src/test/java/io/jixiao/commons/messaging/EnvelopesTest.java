package io.jixiao.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.UnitSnapshot;
import org.junit.jupiter.api.Test;

/** Events are read tolerantly (new fields pass), but what is not an event of the expected type is poison. */
class EnvelopesTest {

    private final Envelopes envelopes = new Envelopes(new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    private static final String UNIT = """
            {"eventId":"6f1c4b1e-1111-4f3a-9a55-0a0b0c0d0e0f","type":"unit.snapshot","key":"XZ-WXB","version":2,
             "occurredAt":"2025-01-15T08:00:00Z","source":"personnel-service","actor":"admin",
             "payload":{"unitCode":"XZ-WXB","name":"自治区党委网信办","active":true,%s"aliases":[]}}""";

    @Test
    void aFieldAddedByANewerProducerIsIgnored() {
        var event = envelopes.read(UNIT.formatted("\"headquarters\":\"拉萨\","), UnitSnapshot.TYPE, UnitSnapshot.class);
        assertEquals(2, event.version());
        assertEquals("自治区党委网信办", event.payload().name());
    }

    @Test
    void whatIsNotAnEventOfTheExpectedTypeIsPoison() {
        assertTrue(assertThrows(PoisonMessageException.class, () -> envelopes.read("not json", UnitSnapshot.TYPE,
                UnitSnapshot.class)).getMessage().startsWith("not a unit.snapshot event"));
        assertTrue(assertThrows(PoisonMessageException.class, () -> envelopes.read(
                UNIT.formatted("").replace("unit.snapshot", "budget.snapshot"), UnitSnapshot.TYPE, UnitSnapshot.class))
                .getMessage().contains("expected event type unit.snapshot"));
        assertThrows(PoisonMessageException.class, () -> envelopes.read(
                UNIT.formatted("").replace("\"version\":2", "\"version\":0"), UnitSnapshot.TYPE, UnitSnapshot.class));
        assertThrows(PoisonMessageException.class, () -> envelopes.read("[]", UnitSnapshot.TYPE, UnitSnapshot.class));
    }
}
