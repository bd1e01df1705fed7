package io.jixiao.commons.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads event envelopes off the wire, refusing anything that is not a well-formed event of the expected type. */
@ApplicationScoped
public class Envelopes {

    private final ObjectMapper mapper;

    public Envelopes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> EventEnvelope<T> read(String json, String expectedType, Class<T> payloadType) {
        if (json == null || json.isBlank()) {
            throw new PoisonMessageException("empty record");
        }
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
        EventEnvelope<T> event;
        try {
            event = mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not a " + expectedType + " event: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException("not a " + expectedType + " event: " + e.getMessage(), e);
        }
        if (event == null) {
            throw new PoisonMessageException("null record");
        }
        if (!expectedType.equals(event.type())) {
            throw new PoisonMessageException("expected event type " + expectedType + " but got " + event.type());
        }
        return event;
    }
}
