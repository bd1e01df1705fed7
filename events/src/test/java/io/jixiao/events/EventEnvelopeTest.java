package io.jixiao.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void roundTripsThroughJsonWithItsPayloadType() throws Exception {
        var unit = new UnitSnapshot("XZ-WXB", "自治区党委网信办", "西藏自治区", "省级", null, true, List.of("网信办"),
                "负责全区网络安全和信息化工作", new UnitSnapshot.Bodies(null, false, List.of("秘书处")),
                new UnitSnapshot.Bodies(1, true, List.of("机关后勤服务中心")), null);
        var event = new EventEnvelope<>(UUID.randomUUID(), UnitSnapshot.TYPE, "XZ-WXB", 3,
                Instant.parse("2025-01-15T08:00:00Z"), "personnel-service", "admin", unit);

        String json = mapper.writeValueAsString(event);
        EventEnvelope<UnitSnapshot> back = mapper.readValue(json, new TypeReference<>() { });

        assertEquals(event, back);
        assertEquals("自治区党委网信办", back.payload().name());
    }

    @Test
    void refusesVersionsBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new EventEnvelope<>(UUID.randomUUID(), "t", "k", 0,
                Instant.now(), "s", "a", "payload"));
    }

    @Test
    void keysUnitYearsByCodeAndYear() {
        assertEquals("XZ-WXB:2024", EventEnvelope.unitYearKey("XZ-WXB", 2024));
        assertEquals("budget.snapshots.dlq.assessment", Topics.deadLetter(Topics.BUDGET, "assessment"));
    }
}
