package io.jixiao.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger("jixiao platform API", "9.9.9");

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, JsonNode> documents(Object... serviceAndJson) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (int i = 0; i < serviceAndJson.length; i += 2) {
            Object document = serviceAndJson[i + 1];
            documents.put((String) serviceAndJson[i], document instanceof JsonNode n ? n : json((String) document));
        }
        return documents;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final String PROBLEM = """
            {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}""";

    private static final String BUDGET = """
            {"openapi": "3.1.0", "info": {"title": "jixiao budget-service", "version": "0.1.0"},
             "paths": {"/api/budget/findings": {"get": {"responses": {
                 "200": {"description": "OK", "content": {"application/json": {"schema":
                     {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}},
                 "404": {"description": "no", "content": {"application/problem+json": {"schema":
                     {"$ref": "#/components/schemas/Problem"}}}}}}},
               "/api/budget/budget": {"get": {"responses": {"200": {"description": "OK", "content":
                   {"application/json": {"schema": {"$ref": "#/components/schemas/Budget"}}}}}}}},
             "components": {"schemas": {
                 "Finding": {"type": "object", "properties": {"difference": {"type": "number"}}},
                 "Budget": {"type": "object", "properties": {"findings": {"type": "array",
                     "items": {"$ref": "#/components/schemas/Finding"}}}},
                 "Problem": %s}}}""".formatted(PROBLEM);

    private static final String PERSONNEL = """
            {"openapi": "3.1.0", "info": {"title": "jixiao personnel-service", "version": "0.1.0"},
             "paths": {"/api/personnel/findings": {"get": {"responses": {
                 "200": {"description": "OK", "content": {"application/json": {"schema":
                     {"$ref": "#/components/schemas/Finding"}}}},
                 "404": {"description": "no", "content": {"application/problem+json": {"schema":
                     {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
                 "Finding": {"type": "object", "properties": {"field": {"type": "string"}}},
                 "Problem": %s}}}""".formatted(PROBLEM);

    @Test
    void identicalSchemasAreKeptOnceAndAClashIsRenamedInEachServiceWithItsReferences() {
        ObjectNode merged = merger.merge(documents("budget", BUDGET, "personnel", PERSONNEL));

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals(Set.of("Budget", "Budget_Finding", "Personnel_Finding", "Problem"), names(schemas));
        assertEquals(json(PROBLEM), schemas.get("Problem"));
        assertTrue(schemas.path("Budget_Finding").path("properties").has("difference"));
        assertTrue(schemas.path("Personnel_Finding").path("properties").has("field"));

        JsonNode paths = merged.path("paths");
        assertEquals("#/components/schemas/Budget_Finding", paths.at(
                "/~1api~1budget~1findings/get/responses/200/content/application~1json/schema/items/$ref").asText());
        assertEquals("#/components/schemas/Budget_Finding",
                schemas.at("/Budget/properties/findings/items/$ref").asText());
        assertEquals("#/components/schemas/Personnel_Finding", paths.at(
                "/~1api~1personnel~1findings/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Problem", paths.at(
                "/~1api~1personnel~1findings/get/responses/404/content/application~1problem+json/schema/$ref")
                .asText());
        assertFalse(merged.toString().contains("\"#/components/schemas/Finding\""), merged::toString);
    }

    @Test
    void theDocumentIsThePlatformsAndTheInputsAreLeftAsTheyWere() {
        Map<String, JsonNode> documents = documents("budget", BUDGET, "personnel", PERSONNEL);
        Map<String, JsonNode> before = new LinkedHashMap<>();
        documents.forEach((service, document) -> before.put(service, document.deepCopy()));

        ObjectNode merged = merger.merge(documents);

        assertEquals(before, documents);
        assertEquals("3.1.0", merged.path("openapi").asText());
        assertEquals("jixiao platform API", merged.at("/info/title").asText());
        assertEquals("9.9.9", merged.at("/info/version").asText());
        assertTrue(merged.at("/info/description").asText().contains("budget: jixiao budget-service 0.1.0"));
        assertEquals(json("[{\"url\": \"/\", \"description\": \"the gateway\"}]"), merged.get("servers"));
        assertEquals(Set.of("/api/budget/findings", "/api/budget/budget", "/api/personnel/findings"),
                names(merged.get("paths")));
    }

    @Test
    void schemasThatReferToARenamedSchemaAreNoLongerTheSameAndAreRenamedToo() {
        String page = """
                {"type": "object", "properties": {"items": {"type": "array",
                    "items": {"$ref": "#/components/schemas/Finding"}}},
                 "discriminator": {"propertyName": "kind", "mapping": {
                    "finding": "#/components/schemas/Finding", "bare": "Finding", "other": "Unit"}}}""";
        String unit = "{\"type\": \"string\"}";
        ObjectNode budget = (ObjectNode) json(BUDGET);
        ObjectNode personnel = (ObjectNode) json(PERSONNEL);
        for (ObjectNode doc : List.of(budget, personnel)) {
            ((ObjectNode) doc.at("/components/schemas")).set("Page", json(page));
            ((ObjectNode) doc.at("/components/schemas")).set("Unit", json(unit));
        }

        JsonNode schemas = merger.merge(documents("budget", budget, "personnel", personnel))
                .path("components").path("schemas");

        assertEquals(Set.of("Budget", "Budget_Finding", "Budget_Page", "Personnel_Finding", "Personnel_Page",
                "Problem", "Unit"), names(schemas));
        assertEquals("#/components/schemas/Budget_Finding",
                schemas.at("/Budget_Page/properties/items/items/$ref").asText());
        assertEquals("#/components/schemas/Personnel_Finding",
                schemas.at("/Personnel_Page/properties/items/items/$ref").asText());
        JsonNode mapping = schemas.at("/Personnel_Page/discriminator/mapping");
        assertEquals("#/components/schemas/Personnel_Finding", mapping.get("finding").asText());
        assertEquals("Personnel_Finding", mapping.get("bare").asText());
        assertEquals("Unit", mapping.get("other").asText());
    }

    @Test
    void theSamePathFromTwoServicesIsReportedNotOverwritten() {
        String alsoBudget = PERSONNEL.replace("/api/personnel/findings", "/api/budget/budget");

        OpenApiMergeException e = assertThrows(OpenApiMergeException.class,
                () -> merger.merge(documents("budget", BUDGET, "personnel", alsoBudget)));

        assertEquals(List.of("path /api/budget/budget is described by both budget and personnel"), e.conflicts());
    }

    @Test
    void securitySchemesAreMergedAndRequirementsFollowARename() {
        String bearer = "{\"type\": \"http\", \"scheme\": \"bearer\"}";
        String oauth = "{\"type\": \"openIdConnect\", \"openIdConnectUrl\": \"http://kc/.well-known\"}";
        String template = """
                {"openapi": "3.1.0", "info": {"title": "%1$s", "version": "1"},
                 "security": [{"SecurityScheme": []}],
                 "paths": {"/api/%1$s/a": {"get": {"responses": {}}},
                           "/api/%1$s/public": {"get": {"security": [], "responses": {}}},
                           "/api/%1$s/admin": {"put": {"security": [{"SecurityScheme": ["admin"]}], "responses": {}}}},
                 "components": {"securitySchemes": {"SecurityScheme": %2$s}}}""";
        ObjectNode merged = merger.merge(documents("budget", template.formatted("budget", bearer),
                "personnel", template.formatted("personnel", bearer),
                "assessment", template.formatted("assessment", oauth)));

        assertFalse(merged.has("security"), "no document-wide requirement is true for every service");
        JsonNode schemes = merged.at("/components/securitySchemes");
        assertEquals(Set.of("Budget_SecurityScheme", "Personnel_SecurityScheme", "Assessment_SecurityScheme"),
                names(schemes));
        assertEquals(json(oauth), schemes.get("Assessment_SecurityScheme"));
        assertEquals(json("[{\"Assessment_SecurityScheme\": []}]"), merged.at("/paths/~1api~1assessment~1a/get/security"));
        assertEquals(json("[{\"Budget_SecurityScheme\": []}]"), merged.at("/paths/~1api~1budget~1a/get/security"));
        assertEquals(json("[{\"Personnel_SecurityScheme\": [\"admin\"]}]"),
                merged.at("/paths/~1api~1personnel~1admin/put/security"));
        assertEquals(json("[]"), merged.at("/paths/~1api~1budget~1public/get/security"));
    }

    @Test
    void identicalSecuritySchemesStayUnderTheirName() {
        String template = """
                {"security": [{"SecurityScheme": []}], "paths": {"/api/%s/a": {"get": {"responses": {}}}},
                 "components": {"securitySchemes": {"SecurityScheme": {"type": "http", "scheme": "bearer"}}}}""";
        ObjectNode merged = merger.merge(documents("budget", template.formatted("budget"),
                "personnel", template.formatted("personnel")));

        assertEquals(Set.of("SecurityScheme"), names(merged.at("/components/securitySchemes")));
        assertEquals(json("[{\"SecurityScheme\": []}]"), merged.at("/paths/~1api~1personnel~1a/get/security"));
    }

    @Test
    void theFourServicesDocumentsMakeOne() throws IOException {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : List.of("personnel", "budget", "assessment", "reports")) {
            try (InputStream in = getClass().getResourceAsStream("/stub-openapi/" + service + ".json")) {
                documents.put(service, JSON.readTree(in));
            }
        }

        ObjectNode merged = merger.merge(documents);

        assertEquals(7, merged.get("paths").size());
        assertEquals(Set.of("Budget", "Budget_Finding", "Personnel_Finding", "ProblemDetail", "Ranking"),
                names(merged.at("/components/schemas")));
        assertEquals(Set.of("SecurityScheme"), names(merged.at("/components/securitySchemes")));
        List<String> tags = new ArrayList<>();
        merged.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        assertEquals(List.of("Units", "Findings", "Budget", "Rankings", "Published reports"), tags);
    }

    @Test
    void somethingThatIsNotADocumentIsRefused() {
        OpenApiMergeException e = assertThrows(OpenApiMergeException.class,
                () -> merger.merge(documents("budget", BUDGET, "reports", "[1, 2]")));
        assertEquals(List.of("reports did not send an OpenAPI document (a JSON object)"), e.conflicts());
    }
}
