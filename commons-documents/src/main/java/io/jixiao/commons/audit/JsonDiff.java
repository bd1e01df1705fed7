package io.jixiao.commons.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Compares two JSON documents field by field. Numbers compare by value (100 and 100.00 are the same amount), so a
 * push that only changes how a figure is written is not a change.
 */
public final class JsonDiff {

    /** One changed figure: its path and the values before and after (JSON null when absent). */
    public record Change(
            @Schema(description = "路径：如 revenue.carryover。") String path,
            @Schema(description = "原值；原来没有时为空。") JsonNode oldValue,
            @Schema(description = "新值；现在没有时为空。") JsonNode newValue) {
    }

    private JsonDiff() {
    }

    public static boolean same(JsonNode a, JsonNode b) {
        return diff(a, b).isEmpty();
    }

    public static List<Change> diff(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        walk("", before, after, changes);
        return changes;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        a = a == null || a.isMissingNode() ? NullNode.getInstance() : a;
        b = b == null || b.isMissingNode() ? NullNode.getInstance() : b;
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                walk(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!leafEquals(a, b)) {
            out.add(new Change(path.isEmpty() ? "$" : path, a, b));
        }
    }

    private static boolean leafEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isContainerNode() && b.isNull() || a.isNull() && b.isContainerNode()) {
            return a.isEmpty() && b.isNull() || a.isNull() && b.isEmpty();
        }
        return a.equals(b);
    }

    /** All leaf paths of a node, e.g. to list what a first version set. */
    public static List<String> leaves(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect("", node, out);
        return out;
    }

    private static void collect(String path, JsonNode node, List<String> out) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                collect(path.isEmpty() ? name : path + "." + name, node.get(name), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.add(path);
        }
    }
}
