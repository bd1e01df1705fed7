package io.jixiao.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Figures the measures need that are sums over lists: added under {@code derived}, only when they can be. */
final class Derived {

    private Derived() {
    }

    /** {@code derived.keyProjectsActual}: the spending of the 重点项目, when projects were given with their spending. */
    static void addBudgetFigures(ObjectNode budget) {
        ObjectNode derived = budget.putObject("derived");
        JsonNode projects = budget.get("projects");
        if (projects == null || !projects.isArray() || projects.isEmpty()) {
            return;
        }
        BigDecimal key = BigDecimal.ZERO;
        for (JsonNode p : projects) {
            if (p.path("key").asBoolean(false)) {
                JsonNode actual = p.get("actual");
                if (actual == null || actual.isNull()) {
                    return; // a key project without its spending: the sum is unknown, not smaller
                }
                key = key.add(actual.decimalValue());
            }
        }
        derived.put("keyProjectsActual", key);
    }
}
