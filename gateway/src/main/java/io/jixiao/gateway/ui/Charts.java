package io.jixiao.gateway.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * ECharts options for the dashboard, written here as JSON (figures exact, as the services gave them) and set on
 * the chart's element ({@code data-chart}); the page's script only hands them to ECharts.
 */
final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUCKET = 10;

    private Charts() {
    }

    /** A bar per key: how many units have each grade. */
    static String bars(String title, Map<String, Object> counts) {
        ObjectNode option = base(title);
        ArrayNode categories = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1).put("name", "单位数");
        ArrayNode values = option.putArray("series").addObject().put("type", "bar").put("name", "单位数")
                .putArray("data");
        counts.forEach((k, v) -> {
            categories.add(k);
            values.add(v instanceof Number n ? n.longValue() : 0);
        });
        return option.toString();
    }

    /** How the units' scores of one indicator spread: how many fall in each tenth of the best score. */
    static String histogram(List<Object> rows) {
        BigDecimal max = BigDecimal.ZERO;
        for (Object row : rows) {
            if (Services.object(row).get("score") instanceof BigDecimal s && s.compareTo(max) > 0) {
                max = s;
            }
        }
        long[] counts = new long[BUCKET];
        long notAssessable = 0;
        for (Object row : rows) {
            Object score = Services.object(row).get("score");
            if (!(score instanceof BigDecimal s)) {
                notAssessable++;
                continue;
            }
            int bucket = max.signum() == 0 ? BUCKET - 1
                    : Math.min(BUCKET - 1, s.multiply(BigDecimal.valueOf(BUCKET)).divide(max, 0,
                            java.math.RoundingMode.FLOOR).intValue());
            counts[bucket]++;
        }
        ObjectNode option = base("得分分布");
        ArrayNode categories = option.putObject("xAxis").put("type", "category").put("name", "得分").putArray("data");
        option.putObject("yAxis").put("type", "value").put("minInterval", 1).put("name", "单位数");
        ArrayNode values = option.putArray("series").addObject().put("type", "bar").put("name", "单位数")
                .putArray("data");
        for (int i = 0; i < BUCKET; i++) {
            BigDecimal from = max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(BUCKET));
            BigDecimal to = max.multiply(BigDecimal.valueOf(i + 1)).divide(BigDecimal.valueOf(BUCKET));
            categories.add(Formats.pts(from) + "–" + Formats.pts(to));
            values.add(counts[i]);
        }
        if (notAssessable > 0) {
            categories.add("不可评价");
            values.add(notAssessable);
        }
        return option.toString();
    }

    private static ObjectNode base(String title) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("title").put("text", title).put("left", "center").putObject("textStyle").put("fontSize", 14);
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 40).put("right", 16).put("bottom", 30).put("containLabel", true);
        option.put("aria", true);
        // drawn at once: the first paint shows the figures, not a growing animation of them
        option.put("animation", false);
        return option;
    }
}
