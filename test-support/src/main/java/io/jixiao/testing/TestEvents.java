package io.jixiao.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.local.infra.KafkaBroker;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes events to the test broker as the owning service would, for consumers under test. */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TestEvents() {
    }

    /** A unit snapshot as personnel-service publishes it; answers where it was written. */
    public static RecordMetadata publishUnit(String unitCode, String name, long version) {
        return publishUnit(TestInfrastructure.kafka(), unitCode, name, version);
    }

    /** A unit snapshot as personnel-service publishes it, on the given broker. */
    public static RecordMetadata publishUnit(KafkaBroker broker, String unitCode, String name, long version) {
        UnitSnapshot unit = new UnitSnapshot(unitCode, name, "西藏自治区", "自治区本级", null, true, List.of(), null,
                UnitSnapshot.Bodies.none(), UnitSnapshot.Bodies.none(), null);
        return publish(broker, Topics.UNITS, new EventEnvelope<>(UUID.randomUUID(), UnitSnapshot.TYPE, unitCode,
                version, Instant.now(), "personnel-service", "admin", unit));
    }

    public static RecordMetadata publish(String topic, EventEnvelope<?> event) {
        return publish(TestInfrastructure.kafka(), topic, event);
    }

    public static RecordMetadata publish(KafkaBroker broker, String topic, EventEnvelope<?> event) {
        try {
            return KafkaTopics.send(broker, topic, event.key(), JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
