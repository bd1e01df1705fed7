package io.jixiao.commons.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.commons.reconciliation.Reconciler.Located;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Resolves the dotted paths of reconciliation rules ({@code a.b[*].c}) in a JSON tree. */
final class JsonPaths {

    private JsonPaths() {
    }

    static List<Located> resolve(JsonNode root, String path) {
        List<Located> current = List.of(new Located("", root));
        for (String segment : path.split("\\.")) {
            boolean each = segment.endsWith("[*]");
            String name = each ? segment.substring(0, segment.length() - 3) : segment;
            List<Located> next = new ArrayList<>();
            for (Located at : current) {
                JsonNode child = at.node().get(name);
                if (child == null || child.isNull() || child.isMissingNode()) {
                    continue;
                }
                String childPath = at.path().isEmpty() ? name : at.path() + "." + name;
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
