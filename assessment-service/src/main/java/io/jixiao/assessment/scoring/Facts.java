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

    /**
     * The figure at a path, or empty when the fact or the figure is missing. A previous year's budget figure the
     * platform does not hold is taken from this year's budget where that states it (上年数 of a compared figure), and
     * says so in its source.
     */
    public Optional<Resolved> resolve(String path) {
        Optional<Resolved> held = held(path);
        if (held.isPresent() || !path.startsWith(PREVIOUS_BUDGET)) {
            return held;
        }
        return statedPrevious(path.substring(PREVIOUS_BUDGET.length()));
    }

    private static final String PREVIOUS_BUDGET = "prev.budget.";

    /**
     * 上年数 as this year's budget states it for a compared figure ({@code changes[].previous}), or implies it: this
     * year's figure − the stated 增减额, as a reader takes it.
     */
    private Optional<Resolved> statedPrevious(String figure) {
        Fact budget = facts.get("budget");
        JsonNode changes = budget == null ? null : budget.tree().get("changes");
        if (changes == null || !changes.isArray()) {
            return Optional.empty();
        }
        for (JsonNode change : changes) {
            if (!figure.equals(change.path("figure").asText())) {
                continue;
            }
            JsonNode previous = change.get("previous");
            if (previous != null && previous.isNumber()) {
                return Optional.of(stated(budget, previous.decimalValue(), "本年预算所述上年数"));
            }
            JsonNode amount = change.get("change");
            Optional<Resolved> current = held("budget." + figure);
            if (amount != null && amount.isNumber() && current.isPresent()) {
                return Optional.of(stated(budget, current.get().value().subtract(amount.decimalValue()),
                        "本年数减本年预算所述增减额"));
            }
        }
        return Optional.empty();
    }

    private static Resolved stated(Fact budget, BigDecimal value, String how) {
        return new Resolved(value, new Fact("prev.budget", budget.tree(), budget.source() + "，" + how,
                budget.version()));
    }

    private Optional<Resolved> held(String path) {
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
