package io.jixiao.commons.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads event envelopes off the wire, refusing anything that is not a well-formed event of the expected type. A
 * tolerant reader: fields it does not know are ignored (REST input is strict, events are not), so a producer can add
 * fields to its snapshots without breaking consumers that have not been upgraded yet.
 */
@ApplicationScoped
public class Envelopes {

    private final ObjectMapper mapper;

    public Envelopes(ObjectMapper mapper) {
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public <T> EventEnvelope<T> read(String json, String expectedType, Class<T> payloadType) {
        if (json == null || json.isBlank()) {
            throw new PoisonMessageException("empty record");
        }
        JavaType type = mapper.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new PoisonMessageException("not a " + expectedType + " event: not a JSON object");
            }
            String actualType = tree.path("type").asText(null);
            if (!expectedType.equals(actualType)) {
                throw new PoisonMessageException("expected event type " + expectedType + " but got " + actualType);
            }
            return mapper.convertValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("not a " + expectedType + " event: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonMessageException("not a " + expectedType + " event: " + e.getMessage(), e);
        }
    }
}
