package io.jixiao.gateway.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.gateway.routing.Backend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The narratives form (报告文字), made from report-service's own API document: one field per property of
 * {@code NarrativeDocument}, labelled by the start of its description (单位简称：…), with the rest as help; a text is
 * one box, a list one box with a paragraph per line. So the form cannot drift from the document, and what the
 * service refuses is shown with its own message.
 */
@ApplicationScoped
public class NarrativeForm {

    /** One field of the form. */
    public record Field(String name, String label, String help, boolean list, String value) {
    }

    private record Property(String name, String label, String help, boolean list) {
    }

    private final Services services;
    private final ObjectMapper mapper;
    private volatile List<Property> properties;

    public NarrativeForm(Services services, ObjectMapper mapper) {
        this.services = services;
        this.mapper = mapper;
    }

    /** The fields, filled with what is held ({@code held}: the narratives as JSON maps). */
    public List<Field> fields(Map<String, Object> held) {
        List<Field> fields = new ArrayList<>();
        for (Property p : properties()) {
            Object value = held.get(p.name());
            String text = value instanceof List<?> l ? String.join("\n", l.stream().map(String::valueOf).toList())
                    : value == null ? "" : value.toString();
            fields.add(new Field(p.name(), p.label(), p.help(), p.list(), text));
        }
        return fields;
    }

    /** The document a submitted form stands for: blank boxes are not stated, list boxes one item per line. */
    public Map<String, Object> document(MultivaluedMap<String, String> form) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (Property p : properties()) {
            String value = form.getFirst(p.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            if (p.list()) {
                document.put(p.name(), Arrays.stream(value.split("\\R")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList());
            } else {
                document.put(p.name(), value.strip());
            }
        }
        return document;
    }

    private List<Property> properties() {
        List<Property> known = properties;
        if (known == null) {
            known = load();
            properties = known;
        }
        return known;
    }

    private List<Property> load() {
        // report-service's own API document: open, so asked for as nobody in particular
        Services.Answer answer = Services.await(services.call(Viewers.anonymous(), "GET", Backend.REPORTS,
                "/q/openapi?format=json", "application/json", null, null));
        JsonNode schema;
        try {
            schema = mapper.readTree(answer.body()).path("components").path("schemas").path("NarrativeDocument")
                    .path("properties");
        } catch (java.io.IOException e) {
            throw new PageException(503, "报告服务暂时不可用，请稍后再试");
        }
        List<Property> out = new ArrayList<>();
        schema.fields().forEachRemaining(p -> {
            String description = p.getValue().path("description").asText("");
            int colon = description.indexOf('：');
            String label = colon > 0 ? description.substring(0, colon) : p.getKey();
            String help = colon > 0 ? description.substring(colon + 1) : description;
            // "array", or ["array", "null"] for a list that may be absent
            boolean list = p.getValue().path("type").toString().contains("array");
            out.add(new Property(p.getKey(), label, help, list));
        });
        if (out.isEmpty()) {
            throw new PageException(503, "报告服务暂时不可用，请稍后再试");
        }
        return List.copyOf(out);
    }
}
