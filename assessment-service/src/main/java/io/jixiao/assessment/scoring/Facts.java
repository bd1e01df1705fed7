package io.jixiao.assessment.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The facts a unit-year is scored on, each from an event of the service that owns it: {@code budget}, {@code staff},
 * {@code assets} of the year, {@code prev.budget} … of the year before, {@code evaluation} (what the unit stated).
 * A path such as {@code prev.budget.threePublicExpenses.actual} names the fact and the figure within it.
 */
public final class Facts {

    /** One fact document: its JSON and where it came from. */
    public record Fact(String name, JsonNode tree, String source, long version) {
    }

    /** A figure resolved from a path, with its origin. */
    public record Resolved(BigDecimal value, Fact fact) {
    }

    private final Map<String, Fact> facts = new HashMap<>();

    public Facts with(Fact fact) {
        if (fact != null) {
            facts.put(fact.name(), fact);
        }
        return this;
    }

    public Optional<Fact> fact(String name) {
        return Optional.ofNullable(facts.get(name));
    }

    public Map<String, Fact> all() {
        return Map.copyOf(facts);
    }

    /** The figure at a path, or empty when the fact or the figure is missing. */
    public Optional<Resolved> resolve(String path) {
        Fact fact = null;
        for (Fact f : facts.values()) {
            if (path.startsWith(f.name() + ".") && (fact == null || f.name().length() > fact.name().length())) {
                fact = f;
            }
        }
        if (fact == null) {
            return Optional.empty();
        }
        JsonNode node = fact.tree();
        for (String segment : path.substring(fact.name().length() + 1).split("\\.")) {
            node = node == null ? null : node.get(segment);
        }
        if (node == null || node.isNull() || !node.isNumber()) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(node.decimalValue(), fact));
    }
}
