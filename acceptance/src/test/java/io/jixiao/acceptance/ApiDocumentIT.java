package io.jixiao.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's API document (the gateway's merged {@code GET /openapi}) is one a client can build on: every field
 * of every document a client pushes is described with its Chinese term; every property is either required or may be
 * null; every error answer is problem details.
 */
class ApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode document;

    @BeforeAll
    static void read() throws Exception {
        HttpResponse<String> response = Http.send("GET", RunningPlatform.get().gatewayUrl() + "/openapi", null, null,
                null);
        assertEquals(200, response.statusCode());
        document = JSON.readTree(response.body());
    }

    @Test
    void everyFieldOfEveryPushedDocumentIsDescribedWithItsChineseTerm() {
        List<String> undescribed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int fields = 0;
        for (Operation op : operations()) {
            for (JsonNode media : op.node().path("requestBody").path("content")) {
                fields += walk(op.name(), media.path("schema"), seen, undescribed);
            }
        }
        assertEquals(List.of(), undescribed, "fields of pushed documents without a Chinese description");
        assertTrue(fields > 150, "the pushed documents have " + fields + " fields");
    }

    @Test
    void everyFieldOfEveryAnswerIsDescribedWithItsChineseTermToo() {
        List<String> undescribed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int fields = 0;
        for (Operation op : operations()) {
            for (JsonNode answer : op.node().path("responses")) {
                for (JsonNode media : answer.path("content")) {
                    fields += walk(op.name(), media.path("schema"), seen, undescribed);
                }
            }
        }
        assertEquals(List.of(), undescribed, "fields of answers without a Chinese description");
        assertTrue(seen.contains("#/components/schemas/Coverage") && seen.contains("#/components/schemas/Missing"),
                "scores answer with their coverage");
        assertTrue(fields > 300, "the answers have " + fields + " fields");
    }

    @Test
    void everyPropertyIsRequiredOrMayBeNull() {
        List<String> neither = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> schemas = document.path("components").path("schemas").fields();
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            Set<String> required = new HashSet<>();
            schema.getValue().path("required").forEach(r -> required.add(r.asText()));
            schema.getValue().path("properties").fields().forEachRemaining(p -> {
                if (!required.contains(p.getKey()) && !nullable(p.getValue())) {
                    neither.add(schema.getKey() + "." + p.getKey());
                }
            });
        }
        assertEquals(List.of(), neither, "properties neither required nor nullable");
    }

    @Test
    void everyErrorAnswerIsProblemDetails() {
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations()) {
            op.node().path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5") || r.getKey().equals("default")) {
                    String ref = r.getValue().path("content").path("application/problem+json").path("schema")
                            .path("$ref").asText();
                    if (!ref.endsWith("/Problem")) {
                        wrong.add(op.name() + " " + r.getKey());
                    }
                }
            });
            if (!op.node().path("responses").has("default")) {
                wrong.add(op.name() + " has no default answer");
            }
        }
        assertEquals(List.of(), wrong);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private record Operation(String name, JsonNode node) {
    }

    private static List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                out.add(new Operation(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }));
        return out;
    }

    /** Walks a schema, listing its properties without a Chinese description; returns how many properties it saw. */
    private static int walk(String where, JsonNode schema, Set<String> seen, List<String> undescribed) {
        if (schema == null || schema.isMissingNode()) {
            return 0;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!seen.add(ref)) {
                return 0;
            }
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            return walk(name, document.path("components").path("schemas").path(name), seen, undescribed);
        }
        int fields = 0;
        for (String combinator : List.of("anyOf", "allOf", "oneOf")) {
            for (JsonNode part : schema.path(combinator)) {
                fields += walk(where, part, seen, undescribed);
            }
        }
        fields += walk(where, schema.path("items"), seen, undescribed);
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> p = properties.next();
            fields++;
            if (!p.getValue().path("description").asText().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
                undescribed.add(where + "." + p.getKey());
            }
            fields += walk(where + "." + p.getKey(), p.getValue(), seen, undescribed);
        }
        return fields;
    }

    private static boolean nullable(JsonNode property) {
        if (property.path("nullable").asBoolean(false)) {
            return true;
        }
        for (JsonNode choice : property.path("anyOf")) {
            if (choice.path("nullable").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }
}
