package io.jixiao.gateway.ui;

import static io.jixiao.gateway.ui.Services.list;
import static io.jixiao.gateway.ui.Services.object;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the 自评表 a unit states in a form: the actual value (实际完成值) of each indicator the framework has the
 * unit report ({@code manual}), and the self-rating (定性评价) of each qualitative one ({@code rating}), each with its
 * evidence. Everything else the evaluation holds (targets, checklists, violations, the declaration, deviations, the
 * unit's own indicators) is kept as it is; a form's values go to the service as typed, so what it refuses is refused
 * with the API's own message.
 */
final class EvaluationForm {

    /** One indicator's line of the form. */
    record Line(String code, String name, String measure, String value, String level, String percent,
            String evidence) {

        public boolean rating() {
            return "rating".equals(measure);
        }
    }

    /** The rating levels, as the API names them, with their Chinese names. */
    static final Map<String, String> LEVELS = levels();

    private EvaluationForm() {
    }

    /**
     * The lines for the {@code manual} and {@code rating} ones of a framework's scored indicators
     * ({@link FrameworkIndicators}), filled from the held evaluation.
     */
    static List<Line> lines(List<Map<String, Object>> leaves, Map<String, Object> evaluation) {
        Map<String, Map<String, Object>> actuals = byIndicator(evaluation.get("actuals"));
        Map<String, Map<String, Object>> ratings = byIndicator(evaluation.get("ratings"));
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> indicator : leaves) {
            String measure = String.valueOf(object(indicator.get("measure")).get("type"));
            String code = String.valueOf(indicator.get("code"));
            String name = String.valueOf(indicator.get("name"));
            if ("manual".equals(measure)) {
                Map<String, Object> a = actuals.getOrDefault(code, Map.of());
                lines.add(new Line(code, name, measure, text(a.get("value")), null, null, text(a.get("evidence"))));
            } else if ("rating".equals(measure)) {
                Map<String, Object> r = ratings.getOrDefault(code, Map.of());
                lines.add(new Line(code, name, measure, null, text(r.get("level")), text(r.get("percent")),
                        text(r.get("evidence"))));
            }
        }
        return lines;
    }

    /**
     * The evaluation with the form's actual values and ratings in place of the held ones (a line left empty is not
     * stated); {@code held} is the document as held (or empty).
     */
    static Map<String, Object> document(Map<String, Object> held, List<Line> lines, MultivaluedMap<String, String> form) {
        Map<String, Object> document = new LinkedHashMap<>(held);
        List<Object> actuals = new ArrayList<>();
        List<Object> ratings = new ArrayList<>();
        for (Line line : lines) {
            String evidence = blankToNull(form.getFirst("evidence-" + line.code()));
            if (line.rating()) {
                String level = blankToNull(form.getFirst("level-" + line.code()));
                if (level == null) {
                    continue;
                }
                Map<String, Object> rating = new LinkedHashMap<>();
                rating.put("indicator", line.code());
                rating.put("level", level);
                rating.put("percent", blankToNull(form.getFirst("percent-" + line.code())));
                rating.put("evidence", evidence);
                ratings.add(rating);
            } else {
                String value = blankToNull(form.getFirst("value-" + line.code()));
                if (value == null) {
                    continue;
                }
                Map<String, Object> actual = new LinkedHashMap<>();
                actual.put("indicator", line.code());
                actual.put("value", value);
                actual.put("evidence", evidence);
                actuals.add(actual);
            }
        }
        document.put("actuals", actuals);
        document.put("ratings", ratings);
        return document;
    }

    private static Map<String, Map<String, Object>> byIndicator(Object entries) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Object e : list(entries)) {
            out.put(String.valueOf(object(e).get("indicator")), object(e));
        }
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof java.math.BigDecimal b ? b.toPlainString() : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> levels() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put("ACHIEVED", "达成");
        levels.put("PARTIAL", "部分达成");
        levels.put("NOT_ACHIEVED", "未达成");
        return levels;
    }
}
