package io.jixiao.local.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A deterministic synthetic province (模拟省) for the benchmark and the replica test: units at the three levels in a
 * province's proportions, each with a current and a prior year of budget, staff and assets. Figures are the published
 * reports' own ({@code deploy/fixtures}: real units' budgets, staff and assets), each unit's scaled by a whole factor
 * that fits its level, so every sum a report states still holds to the fen and every rate is unchanged; the prior
 * year comes from another report. One unit in {@value #CONTRADICTION_EVERY} carries two contradictions a finance
 * office finds: a total expenditure 10,000 yuan off its parts, and one person more in service than its categories.
 * The same arguments give the same province, figure for figure.
 */
public final class SyntheticProvince {

    /** The province's region: the feeder {@link #FEEDER}'s token covers it. */
    public static final String REGION = "模拟省";
    /** The provincial budget management system's client (预算管理一体化系统), a feeder for the region. */
    public static final String FEEDER = "bench-province-system";
    /** The years every unit has by default: the current one and the prior one. */
    public static final List<Integer> YEARS = List.of(2023, 2024);
    /** One unit in this many has contradictions. */
    public static final int CONTRADICTION_EVERY = 25;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Set<String> NOT_SCALED = Set.of("executionRatePercent", "ratePercent", "month");
    private static final String[] CITIES = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    private static final String[] DEPARTMENTS = {"财政局", "教育局", "卫生健康委员会", "交通运输局", "农业农村局",
        "自然资源局", "生态环境局", "住房和城乡建设局", "水利局", "民政局", "人力资源和社会保障局", "文化和旅游局",
        "市场监督管理局", "统计局", "审计局", "司法局", "科学技术局", "应急管理局", "林业和草原局", "医疗保障局"};

    /** A unit of the province: its code, name, level, the factor its figures are scaled by and its templates. */
    public record Unit(int index, String code, String name, String level, int factor, boolean contradictory) {
    }

    /** A document to push for a unit-year: {@code budget}, {@code staff} or {@code assets}. */
    public record Document(String kind, String unitCode, int fiscalYear, ObjectNode body) {
    }

    private final List<Integer> years;
    private final List<Unit> units;
    private final List<JsonNode> budgets;
    private final List<JsonNode> staff;
    private final List<JsonNode> assets;

    /**
     * The province of about {@code unitYears} unit-years (two years per unit: {@link #YEARS}), from the published
     * reports in {@code fixtures}, drawn with {@code seed}.
     */
    public SyntheticProvince(int unitYears, long seed, Path fixtures) {
        this(unitYears, seed, fixtures, YEARS, "MN-");
    }

    /** The same, in other years (the prior one first) and with unit codes beginning with {@code codePrefix}. */
    public SyntheticProvince(int unitYears, long seed, Path fixtures, List<Integer> years, String codePrefix) {
        this.years = List.copyOf(years);
        this.budgets = templates(fixtures, "budget.json");
        this.staff = templates(fixtures, "staff.json");
        this.assets = templates(fixtures, "assets.json");
        Random random = new Random(seed);
        int count = Math.max(1, unitYears / years.size());
        List<Unit> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double draw = random.nextDouble();
            String level;
            int factor;
            String locality;
            String city = CITIES[random.nextInt(CITIES.length)];
            if (draw < 0.1) {
                level = "省级";
                factor = 6 + random.nextInt(10);
                locality = REGION;
            } else if (draw < 0.4) {
                level = "市级";
                factor = 2 + random.nextInt(5);
                locality = REGION + city + "市";
            } else {
                level = "县级";
                factor = 1 + random.nextInt(3);
                locality = REGION + city + "市第" + (1 + random.nextInt(12)) + "县";
            }
            String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
            String code = codePrefix + "%06d".formatted(i + 1);
            all.add(new Unit(i, code, locality + department + "（" + code + "）", level, factor,
                    i % CONTRADICTION_EVERY == CONTRADICTION_EVERY / 2));
        }
        this.units = List.copyOf(all);
    }

    public List<Unit> units() {
        return units;
    }

    /** How many unit-years the province has. */
    public int unitYears() {
        return units.size() * years.size();
    }

    public List<Integer> years() {
        return years;
    }

    /** The unit's profile for the units register. */
    public ObjectNode profile(Unit unit) {
        ObjectNode profile = JSON.createObjectNode();
        profile.put("name", unit.name());
        profile.put("region", REGION);
        profile.put("level", unit.level());
        profile.put("active", true);
        profile.putArray("aliases");
        profile.put("functions", "模拟单位：基准测试用的合成数据，数字取自公开的部门整体支出绩效自评报告并按比例放大。");
        return profile;
    }

    /** The documents of a unit's year: budget, staff and assets. */
    public List<Document> documents(Unit unit, int fiscalYear) {
        return List.of(document(unit, fiscalYear, "budget"), document(unit, fiscalYear, "staff"),
                document(unit, fiscalYear, "assets"));
    }

    /** One document of a unit's year: {@code budget}, {@code staff} or {@code assets}. */
    public Document document(Unit unit, int fiscalYear, String kind) {
        int shift = years.indexOf(fiscalYear);
        List<JsonNode> templates = switch (kind) {
            case "budget" -> budgets;
            case "staff" -> staff;
            case "assets" -> assets;
            default -> throw new IllegalArgumentException("no documents of kind " + kind);
        };
        ObjectNode body = scaled(templates.get((unit.index() + shift) % templates.size()), unit.factor());
        if (!kind.equals("budget")) {
            body.put("asOf", fiscalYear + "-12-31");
        }
        if (unit.contradictory() && kind.equals("budget")) {
            JsonNode total = body.path("expenditure").path("total");
            if (total.isNumber()) {
                ((ObjectNode) body.get("expenditure")).put("total", total.decimalValue().add(new BigDecimal("10000.00")));
            }
        }
        if (unit.contradictory() && kind.equals("staff")) {
            JsonNode inService = body.path("totalInService");
            if (inService.isNumber()) {
                body.put("totalInService", inService.asInt() + 1);
            }
        }
        return new Document(kind, unit.code(), fiscalYear, body);
    }

    /** Every document of the province, year by year, unit by unit. */
    public List<Document> documents() {
        List<Document> all = new ArrayList<>(unitYears() * 3);
        for (int year : years) {
            for (Unit unit : units) {
                all.addAll(documents(unit, year));
            }
        }
        return all;
    }

    /**
     * The province's documents in batches of at most {@code size} of one kind and year, the kinds in the order given,
     * each batch made only when asked for (a province of 50,000 unit-years does not fit in memory at once).
     */
    public List<Supplier<List<Document>>> batches(List<String> kinds, int size) {
        List<Supplier<List<Document>>> batches = new ArrayList<>();
        for (String kind : kinds) {
            for (int year : years) {
                for (int from = 0; from < units.size(); from += size) {
                    List<Unit> slice = units.subList(from, Math.min(units.size(), from + size));
                    batches.add(() -> slice.stream().map(u -> document(u, year, kind)).toList());
                }
            }
        }
        return batches;
    }

    /** A copy of the template with every figure but rates and months multiplied by the factor, exactly. */
    public static ObjectNode scaled(JsonNode template, int factor) {
        ObjectNode copy = template.deepCopy();
        scale(copy, factor);
        return copy;
    }

    private static void scale(JsonNode node, int factor) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isNumber() && !NOT_SCALED.contains(name)) {
                    object.set(name, times(value, factor));
                } else {
                    scale(value, factor);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isNumber()) {
                    array.set(i, times(value, factor));
                } else {
                    scale(value, factor);
                }
            }
        }
    }

    private static JsonNode times(JsonNode value, int factor) {
        if (value.isIntegralNumber()) {
            return LongNode.valueOf(Math.multiplyExact(value.asLong(), factor));
        }
        return DecimalNode.valueOf(value.decimalValue().multiply(BigDecimal.valueOf(factor)));
    }

    private static List<JsonNode> templates(Path fixtures, String file) {
        try (Stream<Path> folders = Files.list(fixtures)) {
            List<JsonNode> found = new ArrayList<>();
            for (Path folder : folders.sorted().toList()) {
                Path document = folder.resolve(file);
                if (Files.isRegularFile(document)) {
                    found.add(JSON.readTree(document.toFile()));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException("no " + file + " in " + fixtures);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
