package io.jixiao.commons.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.jixiao.commons.reconciliation.Reconciler.Located;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Resolves the dotted paths of reconciliation rules ({@code a.b[*].c}) in a JSON tree. */
final class JsonPaths {

    private JsonPaths() {
    }

    /**
     * The nodes at a path. A figure its object leaves out or gives as null is found as a null node, so that a list
     * item without its amount still counts as an item whose amount is not stated.
     */
    static List<Located> resolve(JsonNode root, String path) {
        List<Located> current = List.of(new Located("", root));
        String[] segments = path.split("\\.");
        for (int s = 0; s < segments.length; s++) {
            String segment = segments[s];
            boolean each = segment.endsWith("[*]");
            String name = each ? segment.substring(0, segment.length() - 3) : segment;
            List<Located> next = new ArrayList<>();
            for (Located at : current) {
                JsonNode child = at.node().get(name);
                String childPath = at.path().isEmpty() ? name : at.path() + "." + name;
                if (child == null || child.isNull() || child.isMissingNode()) {
                    if (!each && s == segments.length - 1 && at.node().isObject()) {
                        next.add(new Located(childPath, NullNode.getInstance()));
                    }
                    continue;
                }
                if (each) {
                    for (int i = 0; i < child.size(); i++) {
                        next.add(new Located(childPath + "[" + i + "]", child.get(i)));
                    }
                } else {
                    next.add(new Located(childPath, child));
                }
            }
            current = next;
        }
        return current;
    }

    /** The exact decimal of a numeric node; null for null or missing. */
    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        }
        throw new IllegalArgumentException("not a number: " + node);
    }
}
