package io.jixiao.assessment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Frameworks;
import io.jixiao.assessment.framework.Indicator;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot.IndicatorResult;
import io.jixiao.events.findings.Severity;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two bundled frameworks, and the seed department's 2024 figures (deploy/fixtures) scored by both: every result
 * traceable to its inputs, missing inputs "not assessable", the declared 95 held against the evidence.
 */
class FrameworkAndSeedScoringTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static Facts seedFacts() throws IOException {
        var dir = WorkDirs.root().resolve("deploy/fixtures/xz-wxb-2024");
        return new Facts()
                .with(new Facts.Fact("budget", JSON.readTree(Files.readString(dir.resolve("budget.json"))), "budget-service", 1))
                .with(new Facts.Fact("staff", JSON.readTree(Files.readString(dir.resolve("staff.json"))), "personnel-service", 1))
                .with(new Facts.Fact("assets", JSON.readTree(Files.readString(dir.resolve("assets.json"))), "personnel-service", 2));
    }

    private static EvaluationInputs declared95() {
        return new EvaluationInputs(List.of(), List.of(), List.of(), List.of(), List.of(),
                new EvaluationInputs.Declaration(new BigDecimal("95"), List.of(
                        new EvaluationInputs.DeclaredScore("2.1.1", new BigDecimal("3")),
                        new EvaluationInputs.DeclaredScore("3.1.1", new BigDecimal("10")))), List.of(), List.of());
    }

    private static Map<String, IndicatorResult> byCode(ScoreSnapshot s) {
        return s.indicators().stream().collect(Collectors.toMap(IndicatorResult::code, Function.identity()));
    }

    @Test
    void theDefaultFrameworkIsTheMinistrysTreeWeighted20_30_30_20() {
        Framework f = Frameworks.bundled("mof-2013-common");
        Map<String, Integer> top = f.indicators().stream()
                .collect(Collectors.toMap(Indicator::name, i -> i.totalWeight().intValueExact()));
        assertEquals(Map.of("投入", 20, "过程", 30, "产出", 30, "效果", 20), top);
        assertEquals("优", f.grade(new BigDecimal("90")));
        assertEquals("良", f.grade(new BigDecimal("89.99")));
        assertEquals("中", f.grade(new BigDecimal("60")));
        assertEquals("差", f.grade(new BigDecimal("59.99")));
        Framework regional = Frameworks.bundled("xz-2024-regional");
        assertEquals(0, new BigDecimal("40").compareTo(regional.indicators().get(1).totalWeight()));
        assertTrue(regional.appliesTo("西藏自治区", 2024));
        assertFalse(regional.appliesTo("四川省", 2024));
    }

    @Test
    void aFrameworkWhoseWeightsDoNotAddUpTo100IsRefused() {
        String broken = """
                id: broken
                version: 1
                name: x
                regions: ["*"]
                fromYear: 2020
                toYear: 2030
                priority: 0
                grades: [{grade: 优, min: 90}]
                indicators:
                  - {code: "1", name: 投入, weight: 99, measure: {type: manual}, rule: {type: rate}}
                """;
        assertThrows(IllegalArgumentException.class, () -> Frameworks.parse(broken));
        // a body that is no document at all is refused the same way, not a NullPointerException (a 500 before)
        for (String empty : new String[] {"null", "~"}) {
            assertThrows(IllegalArgumentException.class, () -> Frameworks.parse(empty), empty);
        }
        assertThrows(IOException.class, () -> Frameworks.parse(""));
    }

    @Test
    void theSeedIsScoredTraceablyAndWhatItDoesNotGiveIsNotAssessable() throws IOException {
        ScoreSnapshot s = Scorer.score("XZ-WXB", 2024, Frameworks.bundled("mof-2013-common"), seedFacts(), declared95(), 1);
        Map<String, IndicatorResult> r = byCode(s);

        IndicatorResult execution = r.get("2.1.1"); // 18758.6 ÷ 19531.57 = 96.04 %, rate × weight 3
        assertTrue(execution.assessable());
        assertEquals("96.04%", execution.actual());
        assertEquals(0, new BigDecimal("2.88").compareTo(execution.score()));
        assertEquals(0, new BigDecimal("0.12").compareTo(execution.deduction()));
        assertEquals("budget.expenditure.total / budget.revenue.allocatedTotal * 100", execution.formula());
        assertEquals(2, execution.inputs().size());
        var total = execution.inputs().stream().filter(i -> i.name().equals("budget.expenditure.total")).findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("187586000.00").compareTo(total.value()));
        assertEquals("budget-service", total.source());
        assertEquals(1, total.version());

        IndicatorResult adjustment = r.get("2.1.2"); // (561.02 + 2490.6) ÷ 19393.072 = 15.74 %, ≤ 10 % then −0.1/point
        assertEquals(0, new BigDecimal("1.43").compareTo(adjustment.score()));
        assertEquals(0, new BigDecimal("2").compareTo(r.get("2.3.3").score()), "all fixed assets in use");

        IndicatorResult staffControl = r.get("1.2.1");
        assertFalse(staffControl.assessable());
        assertTrue(staffControl.notAssessableReason().contains("编制数"), staffControl.notAssessableReason());
        assertFalse(r.get("2.1.4").assessable(), "结余资金 not given");
        assertFalse(r.get("1.1.1").assessable(), "no rating stated");
        assertEquals(null, r.get("1.1.1").score());

        BigDecimal sum = s.indicators().stream().filter(i -> i.level() == 3 && i.assessable())
                .map(IndicatorResult::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(s.total()));
        assertEquals(0, new BigDecimal("6.31").compareTo(s.total()));
        assertEquals(0, new BigDecimal("4.31").compareTo(r.get("2.1").score()), "2.1 = 2.88 + 1.43, its assessable children");

        // 6.31 points rest on 7 of the 100 points' worth of indicators: 待补充, not 差
        assertEquals(ScoreSnapshot.Status.INCOMPLETE, s.status());
        assertNull(s.grade(), "no grade below the coverage threshold");
        BigDecimal assessedWeight = s.indicators().stream().filter(i -> i.level() == 3 && i.assessable())
                .map(IndicatorResult::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, assessedWeight.compareTo(s.coverage().assessedWeight()));
        assertEquals(0, new BigDecimal("100").compareTo(s.coverage().totalWeight()));
        assertEquals(0, assessedWeight.compareTo(s.coverage().percent()), "of 100 points, the weight is the percent");
        assertFalse(s.coverage().complete());
        long leaves = s.indicators().stream().filter(i -> i.level() == 3).count();
        long assessed = s.indicators().stream().filter(i -> i.level() == 3 && i.assessable()).count();
        assertEquals(leaves - assessed, s.coverage().missing().size(), "every indicator not assessed is listed");
        var staffMissing = s.coverage().missing().stream().filter(m -> m.indicator().equals("1.2.1")).findFirst()
                .orElseThrow();
        assertEquals("人员情况", staffMissing.from());
        assertTrue(staffMissing.reason().contains("编制数"), staffMissing.reason());
        assertEquals("单位（自评表）", s.coverage().missing().stream().filter(m -> m.indicator().equals("1.1.1"))
                .findFirst().orElseThrow().from(), "a rating only the unit can state");

        var incomplete = s.findings().stream().filter(f -> f.ruleId().equals("ASSESS-INCOMPLETE")).findFirst()
                .orElseThrow();
        assertEquals(Severity.ERROR, incomplete.severity(), "incompleteness blocks submission");
        assertTrue(incomplete.message().contains("1.2.1 在职人员控制率") && incomplete.message().contains("由人员情况提供"),
                incomplete.message());
        assertTrue(s.findings().stream().noneMatch(f -> f.ruleId().equals("ASSESS-DECLARED-TOTAL")),
                "a declared total is compared only with a complete evaluation");
        assertTrue(s.findings().stream().noneMatch(f -> "3.1.1".equals(f.subject())),
                "an indicator not assessed is missing evidence, not an inflated score");
        assertTrue(s.findings().stream().anyMatch(f -> f.ruleId().equals("ASSESS-DECLARED-INDICATOR")
                && "2.1.1".equals(f.subject())), "3 declared, 2.88 supported");
    }

    @Test
    void aDeclaredTotalIsComparedOnceTheCoverageReachesTheThreshold() throws IOException {
        Framework national = Frameworks.bundled("mof-2013-common");
        Framework lenient = new Framework(national.id(), national.version(), national.name(), national.description(),
                national.regions(),
                national.fromYear(), national.toYear(), national.priority(), national.grades(), national.indicators(),
                new BigDecimal("5"));
        ScoreSnapshot s = Scorer.score("XZ-WXB", 2024, lenient, seedFacts(), declared95(), 1);
        assertEquals(ScoreSnapshot.Status.SCORED, s.status());
        assertEquals("差", s.grade(), "graded once the framework's own threshold (5 %) is reached");
        assertTrue(s.coverage().complete());
        var totalFinding = s.findings().stream().filter(f -> f.ruleId().equals("ASSESS-DECLARED-TOTAL")).findFirst()
                .orElseThrow();
        assertEquals(Severity.ERROR, totalFinding.severity());
        assertEquals(0, new BigDecimal("88.69").compareTo(totalFinding.difference()));
        assertTrue(s.findings().stream().noneMatch(f -> f.ruleId().equals("ASSESS-INCOMPLETE")));
    }

    private static EvaluationInputs.UnitIndicator own(String under, String category, String name, String operator,
            String unit, String target, String actual, String weight, String declared) {
        return new EvaluationInputs.UnitIndicator(under, category, name, operator, unit, new BigDecimal(target), null,
                actual == null ? null : new BigDecimal(actual), new BigDecimal(weight),
                declared == null ? null : new BigDecimal(declared), null, "年度工作总结");
    }

    @Test
    void aFrameworkOfExecutionTimesTenPlusTheUnitsOwnIndicatorsIsData() throws IOException {
        Framework template = Frameworks.bundled("execution-plus-own-indicators");
        var dir = WorkDirs.root().resolve("deploy/fixtures/xz-tjj-2024");
        Facts facts = new Facts().with(new Facts.Fact("budget",
                JSON.readTree(Files.readString(dir.resolve("budget.json"))), "budget-service", 1));
        List<EvaluationInputs.UnitIndicator> mine = new java.util.ArrayList<>(List.of(
                own("2.1", "产出指标·数量指标", "完成统计调查项目数", ">=", "项", "12", "12", "20", null), // → 20
                own("2.1", "产出指标·质量指标", "数据差错率", "<=", "%", "1", "0.5", "15", null),     // ≤ 1 % → 15
                own("2.1", "产出指标·时效指标", "按时报送率", ">=", "%", "100", "96", "15", null),   // 0.96 × 15
                own("2.1", "效益指标·社会效益指标", "统计数据被决策采用次数", ">=", "次", "10", "8", "20", "20"), // 16
                own("2.1", "效益指标·可持续影响指标", "统计信息化平台运行率", ">=", "%", "95", "98", "10", null),
                own("2.1", "满意度指标", "服务对象满意度", ">=", "%", "90", "92", "10", "10")));      // → 10
        EvaluationInputs stated = new EvaluationInputs(List.of(), List.of(), List.of(), List.of(), List.of(),
                new EvaluationInputs.Declaration(new BigDecimal("96"), List.of()), List.of(), mine);

        ScoreSnapshot s = Scorer.score("XZ-TJJ", 2024, template, facts, stated, 1);
        Map<String, IndicatorResult> r = byCode(s);
        // 预算执行率 5130 ÷ 5400 = 95 % × 10 = 9.5; 产出 20 + 15 + 14.4, 效益 16 + 10, 满意度 10: 85.4; 94.9
        assertEquals(0, new BigDecimal("9.50").compareTo(r.get("1.1").score()));
        assertEquals(0, new BigDecimal("85.40").compareTo(r.get("2.1").score()));
        assertEquals(0, new BigDecimal("14.40").compareTo(r.get("2.1.3").score()));
        assertEquals("产出指标·时效指标：按时报送率", r.get("2.1.3").name());
        assertEquals("≥100%", r.get("2.1.3").target());
        assertEquals("96%", r.get("2.1.3").actual());
        assertEquals("2.1", r.get("2.1.3").parentCode());
        assertEquals(0, new BigDecimal("16.00").compareTo(r.get("2.1.4").score()));
        assertEquals(0, new BigDecimal("94.90").compareTo(s.total()));
        assertEquals(ScoreSnapshot.Status.SCORED, s.status());
        assertEquals("优", s.grade());
        assertEquals(0, new BigDecimal("100").compareTo(s.coverage().percent()));
        // the unit's own table held against the evidence: 20 declared for 16 earned; 96 declared for 94.9
        assertTrue(s.findings().stream().anyMatch(f -> f.ruleId().equals("ASSESS-DECLARED-INDICATOR")
                && "2.1.4".equals(f.subject())), s.findings().toString());
        var total = s.findings().stream().filter(f -> f.ruleId().equals("ASSESS-DECLARED-TOTAL")).findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("1.10").compareTo(total.difference()));

        // 分值 that do not add up to the heading's weight: the heading waits for them, the evaluation is incomplete
        mine.remove(0);
        ScoreSnapshot short_ = Scorer.score("XZ-TJJ", 2024, template, facts, new EvaluationInputs(List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), mine), 1);
        IndicatorResult output = byCode(short_).get("2.1");
        assertFalse(output.assessable());
        assertEquals("个性指标分值合计70分，与该指标权重90分不符", output.notAssessableReason());
        assertEquals(ScoreSnapshot.Status.INCOMPLETE, short_.status());
        assertEquals(0, new BigDecimal("10.00").compareTo(short_.coverage().percent()));
    }

    @Test
    void theRegionalFrameworkScoresTheSameFactsDifferently() throws IOException {
        Facts facts = seedFacts();
        ScoreSnapshot national = Scorer.score("XZ-WXB", 2024, Frameworks.bundled("mof-2013-common"), facts, declared95(), 1);
        ScoreSnapshot regional = Scorer.score("XZ-WXB", 2024, Frameworks.bundled("xz-2024-regional"), facts, declared95(), 1);
        assertEquals("xz-2024-regional", regional.framework().id());
        // 96.04 % ≥ 95 → 10; 15.74 % ≤ 20 → 5; 100 % × 5 → 5
        assertEquals(0, new BigDecimal("20.00").compareTo(regional.total()));
        assertNotEquals(0, national.total().compareTo(regional.total()));
    }

    @Test
    void aZeroDenominatorIsNotAssessableWithTheReason() throws IOException {
        Facts facts = seedFacts();
        var assets = (com.fasterxml.jackson.databind.node.ObjectNode) facts.fact("assets").orElseThrow().tree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) assets.get("fixedAssets")).put("total", BigDecimal.ZERO)
                .put("inUse", BigDecimal.ZERO);
        IndicatorResult r = byCode(Scorer.score("XZ-WXB", 2024, Frameworks.bundled("mof-2013-common"), facts, null, 1))
                .get("2.3.3");
        assertFalse(r.assessable());
        assertTrue(r.notAssessableReason().contains("除数为零"), r.notAssessableReason());
    }
}
