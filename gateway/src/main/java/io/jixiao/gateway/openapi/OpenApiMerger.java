package io.jixiao.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Makes one OpenAPI document of the services' own, so that the platform's API can be read, and tried, in one place
 * (the Swagger UI's "platform" entry) instead of four.
 *
 * <p>Nothing a service says is lost or silently replaced:
 * <ul>
 * <li>{@code paths} (and {@code webhooks}) are a union; the same path described by two services is a deployment
 * error, reported as an {@link OpenApiMergeException} rather than one description winning;</li>
 * <li>components ({@code schemas}, {@code securitySchemes}, …) defined identically by several services are kept
 * once; a name that two services define differently becomes {@code <Service>_<Name>} in each of them, and every
 * {@code $ref} (and discriminator mapping, and security requirement) in that service's part follows. This is
 * repeated until nothing changes, because two textually identical schemas that refer to a renamed one are no
 * longer the same;</li>
 * <li>a service's document-wide {@code security} is copied into each of its operations that has none, since the
 * merged document can have no document-wide requirement that is true for every service.</li>
 * </ul>
 * {@code tags} are a union by name, {@code servers} is the gateway itself ({@code /}).
 *
 * <p>A plain class (no CDI, no I/O): the route that fetches the documents is {@link PlatformOpenApi}.
 */
public final class OpenApiMerger {

    /** The maps under {@code components} (OpenAPI 3.1; 3.0 has all but {@code pathItems}). */
    static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String COMPONENTS_PREFIX = "#/components/";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String title;
    private final String version;

    /** @param title the merged document's {@code info.title}; @param version its {@code info.version} */
    public OpenApiMerger(String title, String version) {
        this.title = title;
        this.version = version;
    }

    /**
     * @param documents each service's document by service id, in the order the result lists them; not modified
     * @return the merged document
     * @throws OpenApiMergeException when a document is not an object or two services describe the same path
     */
    public ObjectNode merge(Map<String, JsonNode> documents) {
        Map<String, ObjectNode> docs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        documents.forEach((service, document) -> {
            if (document instanceof ObjectNode object) {
                ObjectNode copy = object.deepCopy();
                pushDownSecurity(copy);
                docs.put(service, copy);
            } else {
                problems.add(service + " did not send an OpenAPI document (a JSON object)");
            }
        });
        if (!problems.isEmpty()) {
            throw new OpenApiMergeException(problems);
        }
        Map<String, Renames> renames = renames(docs);
        docs.forEach((service, doc) -> renames.get(service).applyTo(doc));
        return assemble(docs);
    }

    // ---- renaming clashing component names ----

    /** Old name → new name per component kind, for one service. */
    private static final class Renames {
        final Map<String, Map<String, String>> byKind = new HashMap<>();

        Map<String, String> of(String kind) {
            return byKind.computeIfAbsent(kind, k -> new HashMap<>());
        }

        /** Renames the components and rewrites every reference to them in {@code doc}. */
        void applyTo(ObjectNode doc) {
            rewriteReferences(doc);
            JsonNode components = doc.path("components");
            for (String kind : COMPONENT_KINDS) {
                Map<String, String> names = of(kind);
                if (!names.isEmpty() && components.get(kind) instanceof ObjectNode map) {
                    ObjectNode renamed = JSON.objectNode();
                    map.fields().forEachRemaining(e -> renamed.set(names.getOrDefault(e.getKey(), e.getKey()),
                            e.getValue()));
                    ((ObjectNode) components).set(kind, renamed);
                }
            }
            Map<String, String> schemes = of("securitySchemes");
            if (!schemes.isEmpty()) {
                forEachOperation(doc, operation -> {
                    if (operation.get("security") instanceof ArrayNode requirements) {
                        for (int i = 0; i < requirements.size(); i++) {
                            if (requirements.get(i) instanceof ObjectNode requirement) {
                                ObjectNode renamed = JSON.objectNode();
                                requirement.fields().forEachRemaining(e -> renamed.set(
                                        schemes.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
                                requirements.set(i, renamed);
                            }
                        }
                    }
                });
            }
        }

        /** Rewrites {@code $ref}s and discriminator mappings below {@code node}, in place. */
        void rewriteReferences(JsonNode node) {
            if (node instanceof ObjectNode object) {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
                object.fields().forEachRemaining(fields::add);
                for (Map.Entry<String, JsonNode> field : fields) {
                    JsonNode value = field.getValue();
                    if ("$ref".equals(field.getKey()) && value.isTextual()) {
                        object.put("$ref", reference(value.asText()));
                    } else if ("discriminator".equals(field.getKey()) && value.get("mapping") instanceof ObjectNode m) {
                        List<Map.Entry<String, JsonNode>> targets = new ArrayList<>();
                        m.fields().forEachRemaining(targets::add);
                        for (Map.Entry<String, JsonNode> target : targets) {
                            String text = target.getValue().asText();
                            // a mapping value is either a reference or a bare schema name
                            m.put(target.getKey(), text.startsWith("#")
                                    ? reference(text) : of("schemas").getOrDefault(text, text));
                        }
                        rewriteReferences(value);
                    } else {
                        rewriteReferences(value);
                    }
                }
            } else if (node instanceof ArrayNode array) {
                array.forEach(this::rewriteReferences);
            }
        }

        /** {@code #/components/<kind>/<name>[/more]} with the name renamed if it was; anything else unchanged. */
        String reference(String ref) {
            if (!ref.startsWith(COMPONENTS_PREFIX)) {
                return ref;
            }
            String rest = ref.substring(COMPONENTS_PREFIX.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                return ref;
            }
            String kind = rest.substring(0, slash);
            String tail = rest.substring(slash + 1);
            int end = tail.indexOf('/');
            String name = unescape(end < 0 ? tail : tail.substring(0, end));
            String renamed = of(kind).get(name);
            if (renamed == null) {
                return ref;
            }
            return COMPONENTS_PREFIX + kind + "/" + escape(renamed) + (end < 0 ? "" : tail.substring(end));
        }
    }

    /**
     * Finds the names to rename: a component name that services define differently (after the renames found so far
     * are applied to their definitions) is renamed in every service defining it. Repeats until a fixed point.
     */
    private static Map<String, Renames> renames(Map<String, ObjectNode> docs) {
        Map<String, Renames> renames = new LinkedHashMap<>();
        docs.keySet().forEach(service -> renames.put(service, new Renames()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String kind : COMPONENT_KINDS) {
                Map<String, List<String>> definers = new LinkedHashMap<>();
                Set<String> taken = new HashSet<>();
                docs.forEach((service, doc) -> doc.path("components").path(kind).fieldNames().forEachRemaining(
                        name -> definers.computeIfAbsent(name, n -> new ArrayList<>()).add(service)));
                taken.addAll(definers.keySet());
                renames.values().forEach(r -> taken.addAll(r.of(kind).values()));
                for (Map.Entry<String, List<String>> entry : definers.entrySet()) {
                    String name = entry.getKey();
                    List<String> services = entry.getValue();
                    if (services.size() < 2 || renames.get(services.get(0)).of(kind).containsKey(name)) {
                        continue;
                    }
                    Set<JsonNode> definitions = new HashSet<>();
                    for (String service : services) {
                        JsonNode definition = docs.get(service).path("components").path(kind).get(name).deepCopy();
                        renames.get(service).rewriteReferences(definition);
                        definitions.add(definition);
                    }
                    if (definitions.size() > 1) {
                        for (String service : services) {
                            String base = Character.toUpperCase(service.charAt(0)) + service.substring(1) + "_" + name;
                            String candidate = base;
                            for (int n = 2; taken.contains(candidate); n++) {
                                candidate = base + "_" + n;
                            }
                            taken.add(candidate);
                            renames.get(service).of(kind).put(name, candidate);
                        }
                        changed = true;
                    }
                }
            }
        }
        return renames;
    }

    // ---- assembling ----

    private ObjectNode assemble(Map<String, ObjectNode> docs) {
        ObjectNode merged = JSON.objectNode();
        List<String> conflicts = new ArrayList<>();
        String openapi = docs.values().stream().map(d -> d.path("openapi").asText(null))
                .filter(v -> v != null && !v.isBlank()).findFirst().orElse("3.1.0");
        merged.put("openapi", openapi);

        StringBuilder description = new StringBuilder("All the services' APIs behind the gateway, in one document:");
        docs.forEach((service, doc) -> description.append("\n- ").append(service).append(": ")
                .append(doc.path("info").path("title").asText(service)).append(' ')
                .append(doc.path("info").path("version").asText("")));
        merged.putObject("info").put("title", title).put("version", version)
                .put("description", description.toString().strip());
        merged.putArray("servers").addObject().put("url", "/").put("description", "the gateway");

        ArrayNode tags = JSON.arrayNode();
        Set<String> tagNames = new HashSet<>();
        docs.values().forEach(doc -> doc.path("tags").forEach(tag -> {
            if (tagNames.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        }));
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }

        for (String section : List.of("paths", "webhooks")) {
            ObjectNode union = JSON.objectNode();
            Map<String, String> owner = new HashMap<>();
            docs.forEach((service, doc) -> doc.path(section).fields().forEachRemaining(e -> {
                String first = owner.putIfAbsent(e.getKey(), service);
                if (first == null) {
                    union.set(e.getKey(), e.getValue());
                } else {
                    conflicts.add(section.substring(0, section.length() - 1) + " " + e.getKey()
                            + " is described by both " + first + " and " + service);
                }
            }));
            if (!union.isEmpty() || "paths".equals(section)) {
                merged.set(section, union);
            }
        }

        ObjectNode components = JSON.objectNode();
        for (String kind : COMPONENT_KINDS) {
            ObjectNode union = JSON.objectNode();
            docs.forEach((service, doc) -> doc.path("components").path(kind).fields().forEachRemaining(e -> {
                JsonNode existing = union.get(e.getKey());
                if (existing == null) {
                    union.set(e.getKey(), e.getValue());
                } else if (!existing.equals(e.getValue())) {
                    // cannot happen after renames(): a guard against a broken invariant, not a user error
                    throw new IllegalStateException("components." + kind + "." + e.getKey() + " still clashes");
                }
            }));
            if (!union.isEmpty()) {
                components.set(kind, union);
            }
        }
        merged.set("components", components);

        if (!conflicts.isEmpty()) {
            throw new OpenApiMergeException(conflicts);
        }
        return merged;
    }

    /** Copies the document-wide {@code security} into every operation without one, then drops it. */
    private static void pushDownSecurity(ObjectNode doc) {
        JsonNode security = doc.remove("security");
        if (!(security instanceof ArrayNode)) {
            return;
        }
        for (String section : List.of("paths", "webhooks")) {
            doc.path(section).forEach(pathItem -> pathItem.fields().forEachRemaining(e -> {
                if (OPERATIONS.contains(e.getKey()) && e.getValue() instanceof ObjectNode operation
                        && !operation.has("security")) {
                    operation.set("security", security.deepCopy());
                }
            }));
        }
    }

    /** Every operation of the document, including those in callbacks and reusable path items. */
    private static void forEachOperation(ObjectNode doc, Consumer<ObjectNode> action) {
        List<JsonNode> pathItems = new ArrayList<>();
        doc.path("paths").forEach(pathItems::add);
        doc.path("webhooks").forEach(pathItems::add);
        doc.path("components").path("pathItems").forEach(pathItems::add);
        doc.path("components").path("callbacks").forEach(callback -> callback.forEach(pathItems::add));
        for (int i = 0; i < pathItems.size(); i++) {
            pathItems.get(i).fields().forEachRemaining(e -> {
                if (OPERATIONS.contains(e.getKey()) && e.getValue() instanceof ObjectNode operation) {
                    action.accept(operation);
                    operation.path("callbacks").forEach(callback -> callback.forEach(pathItems::add));
                }
            });
        }
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
