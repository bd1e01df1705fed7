package io.jixiao.personnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.reconciliation.Reconciler;
import io.jixiao.commons.reconciliation.Rule;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import io.jixiao.events.personnel.StaffDocument;
import io.jixiao.personnel.repository.MovementKind.Direction;
import io.jixiao.personnel.service.StaffFigures;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The staff and asset rules (reconciliation/staff.yaml, assets.yaml) over the seed's figures and crafted
 * contradictions, without a server: the seed reconciles exactly; each rule fires on its contradiction with the
 * expected, stated and difference figures, and stays silent on consistent figures.
 */
class StaffAndAssetRulesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final RuleSet STAFF_RULES = RuleSet.load("staff");
    private static final RuleSet ASSET_RULES = RuleSet.load("assets");

    /** The movement kinds' directions exactly as Flyway seeds them. */
    private static final Map<String, Direction> DIRECTIONS = seededDirections();

    private static Map<String, Direction> seededDirections() {
        try {
            String sql = Files.readString(Path.of("src/main/resources/db/migration/V8__reference_lists.sql"));
            Matcher m = Pattern.compile("\\('([a-z-]+)',\\s*'[^']+',\\s*'(IN|OUT)'").matcher(sql);
            Map<String, Direction> directions = new HashMap<>();
            while (m.find()) {
                directions.put(m.group(1), Direction.valueOf(m.group(2)));
            }
            return directions;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The findings of the seed's staff as edited, but the list of what could not be checked. */
    private static List<Finding> staff(Consumer<ObjectNode> edit) {
        return allStaff(edit).stream().filter(f -> !f.ruleId().equals("STAFF-UNCHECKED")).toList();
    }

    /** What could not be checked in the seed's staff as edited ("未能核对：…"), or null. */
    private static String staffUnchecked(Consumer<ObjectNode> edit) {
        return allStaff(edit).stream().filter(f -> f.ruleId().equals("STAFF-UNCHECKED")).findFirst()
                .map(Finding::message).orElse(null);
    }

    private static List<Finding> allStaff(Consumer<ObjectNode> edit) {
        ObjectNode tree = Api.fixtureTree("staff.json");
        edit.accept(tree);
        try {
            StaffDocument document = MAPPER.treeToValue(tree, StaffDocument.class);
            return new Reconciler(STAFF_RULES).check(StaffFigures.tree(MAPPER, document, DIRECTIONS));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Finding> assets(Consumer<ObjectNode> edit) {
        ObjectNode tree = Api.fixtureTree("assets.json");
        edit.accept(tree);
        return new Reconciler(ASSET_RULES).check(tree);
    }

    private static ObjectNode category(ObjectNode staff, String code) {
        for (var c : staff.withArray("categories")) {
            if (code.equals(c.get("category").asText())) {
                return (ObjectNode) c;
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static ObjectNode movement(ObjectNode staff, String kind) {
        for (var m : staff.withArray("movements")) {
            if (kind.equals(m.get("kind").asText())) {
                return (ObjectNode) m;
            }
        }
        throw new IllegalArgumentException(kind);
    }

    /** The only finding, which must be of the given rule and severity, with expected/stated/difference. */
    private static Finding only(List<Finding> findings, String ruleId, Severity severity, String expected,
            String stated, String difference) {
        assertEquals(1, findings.size(), () -> "one finding expected: " + findings);
        Finding f = findings.get(0);
        assertEquals(ruleId, f.ruleId());
        assertEquals(severity, f.severity());
        assertEquals(0, new BigDecimal(expected).compareTo(f.expected()), () -> "expected of " + f);
        assertEquals(0, new BigDecimal(stated).compareTo(f.stated()), () -> "stated of " + f);
        assertEquals(0, new BigDecimal(difference).compareTo(f.difference()), () -> "difference of " + f);
        assertNotNull(f.title());
        assertTrue(f.figures().stream().allMatch(r -> !r.label().equals(r.path())),
                () -> "every figure has a Chinese label: " + f.figures());
        return f;
    }

    @Test
    void theSeedReconcilesExactly() {
        assertEquals(List.of(), staff(s -> { }));
        assertEquals(List.of(), assets(a -> { }));
        // the seed's movements are what explains 408 → 381
        assertEquals(Direction.OUT, DIRECTIONS.get("transfer-out"));
        assertEquals(Direction.IN, DIRECTIONS.get("aid-tibet-doctoral"));
    }

    @Test
    void categoriesMustAddUpToTheTotalBothWays() {
        Finding under = only(staff(s -> category(s, "institution-staff").put("headcount", 260)),
                "STAFF-CATEGORIES-TOTAL", Severity.ERROR, "378", "381", "3");
        assertTrue(under.message().contains("381人"), under.message());
        only(staff(s -> category(s, "institution-staff").put("headcount", 265)),
                "STAFF-CATEGORIES-TOTAL", Severity.ERROR, "383", "381", "-2");
    }

    @Test
    void lastYearPlusArrivalsMinusDeparturesMustGiveThisYear() {
        // one departure fewer: 408 + 27 − 53 = 382, but 381 stated
        Finding f = only(staff(s -> movement(s, "transfer-out").put("count", 50)),
                "STAFF-MOVEMENTS-BALANCE", Severity.ERROR, "382", "381", "-1");
        assertTrue(f.figures().stream().anyMatch(r -> r.path().equals("derived.departures")
                && r.value().compareTo(new BigDecimal("53")) == 0), f.figures()::toString);
        // an arrival of a kind marked OUT would count the other way: the direction comes from the reference list
        only(staff(s -> movement(s, "aid-tibet-doctoral").put("kind", "death")),
                "STAFF-MOVEMENTS-BALANCE", Severity.ERROR, "379", "381", "2");
    }

    @Test
    void theStatedChangeMustBeThisYearMinusLastYear() {
        only(staff(s -> s.put("statedChange", -26)), "STAFF-STATED-CHANGE", Severity.ERROR, "-27", "-26", "1");
    }

    @Test
    void aSubgroupNeverExceedsItsCategoryButMayNameOnlySome() {
        Finding f = only(staff(s -> ((ObjectNode) category(s, "civil-servant").withArray("including").get(0))
                .put("headcount", 47)), "STAFF-CATEGORY-SUBGROUPS", Severity.ERROR, "47", "46", "-1");
        assertEquals("categories[0]", f.subject());
        // 援藏干部 3 of 46 公务员 is no finding (the seed), nor is a subgroup equal to its category
        assertEquals(List.of(), staff(s -> ((ObjectNode) category(s, "civil-servant").withArray("including").get(0))
                .put("headcount", 46)));
    }

    @Test
    void thePayrollIsPartOfTheStaffInService() {
        only(staff(s -> s.put("onPayroll", 382)), "STAFF-PAYROLL-WITHIN-TOTAL", Severity.ERROR, "381", "382", "1");
        assertEquals(List.of(), staff(s -> s.put("onPayroll", 380)));
    }

    @Test
    void overEstablishmentIsAWarningInTotalAndPerCategory() {
        only(staff(s -> s.put("establishment", 380)), "STAFF-OVER-ESTABLISHMENT", Severity.WARNING, "380", "381",
                "1");
        Finding f = only(staff(s -> category(s.put("establishment", 400), "civil-servant").put("establishment", 45)),
                "STAFF-CATEGORY-OVER-ESTABLISHMENT", Severity.WARNING, "45", "46", "1");
        assertEquals("categories[0]", f.subject());
        // a category's establishment without the total one cannot be held against it, and says so
        Consumer<ObjectNode> categoryOnly = s -> category(s, "civil-servant").put("establishment", 50);
        assertEquals(List.of(), staff(categoryOnly));
        assertTrue(staffUnchecked(categoryOnly).contains("各类别编制数合计不超过编制数（未填报编制数）"),
                staffUnchecked(categoryOnly));
    }

    @Test
    void categoryEstablishmentsNeverExceedTheTotalEstablishment() {
        Consumer<ObjectNode> establishments = s -> {
            s.put("establishment", 400);
            category(s, "civil-servant").put("establishment", 50);
            category(s, "civil-servant-managed").put("establishment", 70);
            category(s, "institution-staff").put("establishment", 270);
            category(s, "worker").put("establishment", 10);
        };
        assertEquals(List.of(), staff(establishments), "consistent establishments, nobody over establishment");
        only(staff(establishments.andThen(s -> category(s, "institution-staff").put("establishment", 280))),
                "STAFF-ESTABLISHMENT-CATEGORIES", Severity.ERROR, "410", "400", "-10");
        // establishments given for some categories only explain part of the total: no finding
        assertEquals(List.of(), staff(s -> {
            s.put("establishment", 400);
            category(s, "civil-servant").put("establishment", 50);
        }));
    }

    @Test
    void withoutMovementsTheBalanceCannotBeCheckedAndSaysSo() {
        Consumer<ObjectNode> noMovements = s -> s.putNull("movements");
        assertEquals(List.of(), staff(noMovements));
        String unchecked = staffUnchecked(noMovements);
        assertTrue(unchecked.contains("本年在职人数 = 上年在职人数 + 本年增加人数 − 本年减少人数（未填报本年增加人数"),
                unchecked);
    }

    @Test
    void assetStatesMustAddUpToTheirTotal() {
        only(assets(a -> ((ObjectNode) a.get("fixedAssets")).put("idle", new BigDecimal("1000000.00"))),
                "ASSET-FIXED-STATES", Severity.ERROR, "254876000.00", "253876000.00", "-1000000.00");
        Finding f = only(assets(a -> ((ObjectNode) a.get("intangibleAssets")).put("inUse", new BigDecimal("9900000.00"))),
                "ASSET-INTANGIBLE-STATES", Severity.ERROR, "9900000.00", "9910000.00", "10000.00");
        assertTrue(f.message().contains("991万元"), f.message());
        // a difference within the rounding tolerance of 万元 figures is no finding
        assertEquals(List.of(), assets(a -> ((ObjectNode) a.get("fixedAssets"))
                .put("inUse", new BigDecimal("253875900.00")).put("idle", new BigDecimal("0.01"))));
    }

    @Test
    void everyRuleIsPrefixedAndEveryFigureItNamesHasAChineseLabel() {
        for (RuleSet set : List.of(STAFF_RULES, ASSET_RULES)) {
            String prefix = set == STAFF_RULES ? "STAFF-" : "ASSET-";
            assertTrue(set.rules().size() >= 2);
            for (Rule rule : set.rules()) {
                assertTrue(rule.id().startsWith(prefix), rule.id());
                for (String path : paths(rule)) {
                    String full = rule.forEach() == null ? path : rule.forEach() + "." + path;
                    assertTrue(set.labels().containsKey(full), () -> rule.id() + " names " + full + " without label");
                }
            }
        }
    }

    private static List<String> paths(Rule r) {
        List<String> paths = new ArrayList<>();
        for (String p : new String[] {r.total(), r.items(), r.stated(), r.numerator(), r.denominator(), r.value(),
                r.limit()}) {
            if (p != null) {
                paths.add(p);
            }
        }
        if (r.terms() != null) {
            r.terms().forEach(t -> paths.add(t.replaceFirst("^[+-]", "")));
        }
        return paths;
    }
}
