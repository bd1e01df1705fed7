package io.jixiao.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.jixiao.commons.reconciliation.Reconciler;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot.IndicatorResult;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import io.jixiao.events.personnel.AssetDocument;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffDocument;
import io.jixiao.events.personnel.StaffSnapshot;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The seed department (自治区党委网信办, 2024) as the other services would publish it: the fixture files of
 * {@code deploy/fixtures/xz-wxb-2024} wrapped in snapshots with the findings their owners compute — the budget's
 * with budget-service's own rules ({@code reconciliation/budget.yaml}, put on the test classpath by the pom) — and
 * a score snapshot as assessment-service would publish it (the seed declares 95).
 */
public final class SeedFixture {

    public static final String UNIT = "XZ-WXB";
    public static final int YEAR = 2024;

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private SeedFixture() {
    }

    public static Path folder() {
        return WorkDirs.root().resolve("deploy/fixtures/xz-wxb-2024");
    }

    public static String text(String file) {
        try {
            return Files.readString(folder().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's text, the report the output must look like. */
    public static String seedDocument() {
        try {
            return Files.readString(WorkDirs.root().getParent().resolve("shared/seed/000_c69f8a96cb9b95d8.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UnitSnapshot unit() {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(text("unit.json"));
            node.put("unitCode", UNIT);
            return JSON.treeToValue(node, UnitSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BudgetDocument budgetDocument() {
        return read("budget.json", BudgetDocument.class);
    }

    /** The budget with the findings budget-service's rules give it (BUD-REVENUE-IDENTITY is an ERROR in the seed). */
    public static BudgetSnapshot budget() {
        BudgetDocument document = budgetDocument();
        ObjectNode tree = JSON.valueToTree(document);
        tree.putObject("derived");
        List<Finding> findings = new Reconciler(RuleSet.load("budget")).check(tree);
        return new BudgetSnapshot(UNIT, YEAR, document, null, findings);
    }

    /** The staff as personnel-service publishes them: the seed's figures balance, only 编制数 is not given. */
    public static StaffSnapshot staff() {
        StaffDocument staff = read("staff.json", StaffDocument.class);
        Finding unchecked = new Finding("STAFF-UNCHECKED", Severity.INFO, "未能核对的勾稽关系",
                "未能核对：在职干部职工人数不超过编制数（超编）（未填报编制数）", List.of(
                        new Finding.FigureRef("establishment", "编制数", null, "persons")),
                null, null, null, null, null);
        return new StaffSnapshot(UNIT, YEAR, staff, List.of(unchecked));
    }

    public static AssetSnapshot assets() {
        return new AssetSnapshot(UNIT, YEAR, read("assets.json", AssetDocument.class), List.of());
    }

    /** A score snapshot as assessment-service would publish it: computed 88.5 (良), declared 95. */
    public static ScoreSnapshot scores() {
        List<IndicatorResult> indicators = List.of(
                indicator("1", "投入", 1, null, "20", null, null, "17", "20", true, null, null),
                indicator("1.1", "目标设定", 2, "1", "10", null, null, "9", "10", true, null, null),
                indicator("1.1.1", "绩效目标合理性", 3, "1.1", "5", "合理", "合理", "5", "5", true, null, null),
                indicator("1.1.2", "绩效指标明确性", 3, "1.1", "5", "明确", "较明确", "4", "5", true, null,
                        "部分绩效指标未细化量化，下年度逐项细化"),
                indicator("1.2", "预算配置", 2, "1", "10", null, null, "8", "10", true, null, null),
                indicator("1.2.1", "在职人员控制率", 3, "1.2", "5", "≤100%", null, null, "5", false,
                        "编制数未填报", null),
                indicator("1.2.2", "重点支出安排率", 3, "1.2", "5", "≥80%", "80.65%", "4", "5", true, null, null),
                indicator("2", "过程", 1, null, "30", null, null, "28.5", "30", true, null, null),
                indicator("2.1.1", "预算执行率", 3, "2", "15", "≥95%", "96.04%", "15", "15", true, null, null),
                indicator("2.1.2", "结转结余率", 3, "2", "15", "≤5%", "8.58%", "13.5", "15", true, null,
                        "项目资金执行偏慢，结转资金偏多"),
                indicator("3", "产出", 1, null, "30", null, null, "25", "30", true, null, null),
                indicator("4", "效果", 1, null, "20", null, null, "18", "20", true, null, null));
        Finding declaredAbove = new Finding("ASSESS-DECLARED-TOTAL", Severity.WARNING, "自评总分不高于计算得分",
                "自评总分95分高于按指标体系计算的88.5分", List.of(
                        new Finding.FigureRef("declaredTotal", "自评总分", new BigDecimal("95")),
                        new Finding.FigureRef("total", "计算得分", new BigDecimal("88.5"))),
                new BigDecimal("88.5"), new BigDecimal("95"), new BigDecimal("6.5"), "points", null);
        return new ScoreSnapshot(UNIT, YEAR, ScoreSnapshot.Status.SCORED, null, basis(1, 1, 1),
                new ScoreSnapshot.FrameworkRef("mof-2013-53", 1,
                "部门整体支出绩效评价共性指标体系框架"), new BigDecimal("88.5"), "良", new BigDecimal("95"), indicators,
                List.of(declaredAbove), List.of(), new ScoreSnapshot.Coverage(new BigDecimal("95"),
                        new BigDecimal("100"), new BigDecimal("95.00"), new BigDecimal("90"), true,
                        List.of(new ScoreSnapshot.Missing("1.2.1", "在职人员控制率", new BigDecimal("5"), "编制数未填报",
                                "人员情况"))));
    }

    /** What a score rests on: these versions of the year's budget, staff and assets, and the first statement. */
    public static ScoreSnapshot.Basis basis(long budget, long staff, long assets) {
        return new ScoreSnapshot.Basis(budget, staff, assets, 1L, null, null, null);
    }

    private static IndicatorResult indicator(String code, String name, int level, String parent, String weight,
            String target, String actual, String score, String declared, boolean assessable, String reason,
            String deviation) {
        return new IndicatorResult(code, name, level, parent, new BigDecimal(weight), target, actual, null,
                score == null ? null : new BigDecimal(score), declared == null ? null : new BigDecimal(declared),
                assessable, reason, null, List.of(), null, null, assessable ? "按规则计分" : null, deviation, null);
    }

    private static <T> T read(String file, Class<T> type) {
        try {
            return JSON.readValue(text(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
