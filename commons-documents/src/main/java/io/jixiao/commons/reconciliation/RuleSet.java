package io.jixiao.commons.reconciliation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of reconciliation rules with the labels of the figures they name, loaded from YAML kept with a service
 * ({@code src/main/resources/reconciliation/*.yaml}). Rules are data: adding or tuning one needs no code.
 */
public record RuleSet(String name, Map<String, String> labels, List<Rule> rules) {

    private static final Set<String> TYPES = Set.of("sum", "breakdown", "rate", "atMost", "changeAmount",
            "changeRate", "changePriorYear");
    private static final Set<String> UNITS = Set.of("yuan", "persons", "percent");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RuleSet {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (r.id() == null || !ids.add(r.id())) {
                throw new IllegalArgumentException(name + ": rule id missing or repeated: " + r.id());
            }
            if (!TYPES.contains(r.type())) {
                throw new IllegalArgumentException(name + ": rule " + r.id() + " has unknown type " + r.type());
            }
            if (!UNITS.contains(r.unit())) {
                throw new IllegalArgumentException(name + ": rule " + r.id() + " has unknown unit " + r.unit());
            }
            if (r.severity() == null || r.title() == null) {
                throw new IllegalArgumentException(name + ": rule " + r.id() + " needs a severity and a title");
            }
            boolean complete = switch (r.type()) {
                case "sum" -> r.total() != null && r.terms() != null && !r.terms().isEmpty();
                case "breakdown" -> r.total() != null && r.items() != null;
                case "rate" -> r.stated() != null && r.numerator() != null && r.denominator() != null;
                case "changeAmount", "changeRate", "changePriorYear" -> r.forEach() != null && r.current() != null
                        && r.previous() != null && r.change() != null && (!"changeRate".equals(r.type())
                                || r.rate() != null);
                default -> r.value() != null && r.limit() != null;
            };
            if (!complete) {
                throw new IllegalArgumentException(name + ": rule " + r.id() + " lacks the paths its type needs");
            }
        }
    }

    /** Loads {@code reconciliation/<name>.yaml} from the classpath. */
    public static RuleSet load(String name) {
        String resource = "reconciliation/" + name + ".yaml";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no rule set " + resource + " on the classpath");
            }
            RuleSet parsed = YAML.readValue(in, RuleSet.class);
            return new RuleSet(name, parsed.labels(), parsed.rules());
        } catch (IOException e) {
            throw new UncheckedIOException("rule set " + resource + " is not valid", e);
        }
    }

    /**
     * The rule id of a document's one finding that lists what could not be checked, e.g. {@code BUDGET-UNCHECKED}.
     */
    public String uncheckedId() {
        return name.toUpperCase(java.util.Locale.ROOT) + "-UNCHECKED";
    }

    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[\\d+]");

    /** The label of a figure path; indexed paths use the label of their {@code [*]} pattern. */
    public String label(String path) {
        String pattern = path.indexOf('[') < 0 ? path : INDEX.matcher(path).replaceAll("[*]");
        String label = labels.get(pattern);
        if (label == null) {
            int dot = pattern.lastIndexOf('.');
            label = labels.getOrDefault(pattern.substring(dot + 1), pattern);
        }
        return label;
    }
}
