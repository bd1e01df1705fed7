package io.jixiao.report.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.StaffDocument;
import io.jixiao.events.personnel.StaffSnapshot;
import io.jixiao.report.SeedFixture;
import io.jixiao.report.TestReportConfig;
import io.jixiao.report.config.ReportConfig;
import io.jixiao.report.model.Held;
import io.jixiao.report.model.NarrativeDocument;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.model.ReportModel.ReportFinding;
import io.jixiao.report.model.ReportModel.Variant;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The report's wording, without a server: the seed's figures come out in the seed's sentences. */
public class ReportWriterTest {

    private final ReportWriter writer = new ReportWriter(new Labels(config(Map.of(), Map.of())));

    static ReportConfig config(Map<String, String> categories, Map<String, String> movements) {
        return new TestReportConfig(Optional.empty(), categories, movements);
    }

    static <T> Held<T> held(T payload) {
        return new Held<>(payload, 1, "00000000-0000-0000-0000-000000000001", "test-system", "tester",
                OffsetDateTime.parse("2025-01-01T00:00:00Z"));
    }

    static NarrativeDocument seedNarratives() {
        try {
            return SeedFixture.JSON.readValue(SeedFixture.text("narratives.json"), NarrativeDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReportInputs seedInputs() {
        return new ReportInputs(SeedFixture.UNIT, SeedFixture.YEAR, held(SeedFixture.unit()),
                held(SeedFixture.budget()), held(SeedFixture.staff()), held(SeedFixture.assets()),
                held(SeedFixture.scores()), seedNarratives(), Map.of());
    }

    /** The seed's report, as the writer makes it from the fixtures. */
    public static ReportModel seedReport(Variant variant) {
        return new ReportWriter(new Labels(config(Map.of(), Map.of()))).write(seedInputs(), variant);
    }

    /** The report's text, one line per paragraph, as the seed is laid out. */
    static String text(ReportModel m) {
        StringBuilder s = new StringBuilder(m.title()).append('\n').append(m.yearLine()).append('\n')
                .append(m.addressee()).append("：\n").append(m.opening()).append('\n');
        for (ReportModel.Block b : m.body()) {
            s.append(b.lead() == null ? "" : b.lead()).append(b.text()).append('\n');
        }
        return s.toString();
    }

    @Test
    void everyLineOfTheSeedDocumentComesOutOfTheSeedFiguresAndNarratives() throws IOException {
        var seedFile = io.jixiao.local.infra.WorkDirs.root().getParent()
                .resolve("shared/seed/000_c69f8a96cb9b95d8.txt");
        Assumptions.assumeTrue(Files.isRegularFile(seedFile), "the seed document is beside the repository");
        String report = text(writer.write(seedInputs(), Variant.PUBLIC));
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(seedFile)) {
            String expected = line.strip()
                    // the seed's typos and irregular punctuation, which the report does not reproduce
                    .replace("牺牲病故后遗嘱", "牺牲病故后遗属")
                    .replace("11630.16万元，进度100%", "11630.16万元，支出进度100%")
                    .replace("15.14万元，机动金", "15.14万元、机动金")
                    .replace("218万元，网信技术", "218万元、网信技术")
                    .replace("84.72万元，2023年", "84.72万元、2023年")
                    .replace("2优化预算编制", "2.优化预算编制");
            if (!expected.isEmpty() && !report.contains(expected)) {
                missing.add(expected);
            }
        }
        assertEquals(List.of(), missing, "seed lines the report does not reproduce; report:\n" + report);
    }

    @Test
    void aHeadingOfTheUnitsOwnIndicatorsCountsAsOneIndicatorOfTheFramework() {
        ScoreSnapshot seed = SeedFixture.scores();
        BigDecimal ten = new BigDecimal("10");
        List<ScoreSnapshot.IndicatorResult> tree = List.of(
                row("1", null, "预算执行", "10", true, null), row("1.1", "1", "预算执行率", "10", true, null),
                row("2", null, "绩效指标", "90", false, null),
                row("2.1", "2", "产出、效益、满意度指标（单位设定）", "90", false, null),
                row("2.1.1", "2.1", "产出指标·数量指标：开展精品示范村建设数量", "10", true, true),
                row("2.1.2", "2.1", "产出指标·数量指标：建设美丽宜居自然村庄数量", "10", true, true));
        ScoreSnapshot incomplete = new ScoreSnapshot(seed.unitCode(), seed.fiscalYear(),
                ScoreSnapshot.Status.INCOMPLETE, null, seed.basis(), seed.framework(), ten, null, null, tree,
                List.of(), List.of(), new ScoreSnapshot.Coverage(ten, new BigDecimal("100"), ten, new BigDecimal("100"),
                        false, List.of()));
        ReportInputs base = seedInputs();
        ReportInputs in = new ReportInputs(base.unitCode(), base.fiscalYear(), base.unit(), base.budget(),
                base.staff(), base.assets(), held(incomplete), base.narratives(), base.explanations());
        assertTrue(text(writer.write(in, Variant.INTERNAL)).contains("系统已核验指标1项（权重10分，得10分），其余1项待补充依据"),
                text(writer.write(in, Variant.INTERNAL)));
    }

    private static ScoreSnapshot.IndicatorResult row(String code, String parent, String name, String weight,
            boolean assessable, Boolean own) {
        return new ScoreSnapshot.IndicatorResult(code, name, code.split("\\.").length, parent, new BigDecimal(weight),
                null, null, null, assessable ? new BigDecimal(weight) : null, null, assessable,
                assessable ? null : "个性指标分值合计20分，与该指标权重90分不符", null, List.of(), null, null, null, null,
                own);
    }

    @Test
    void internalBodiesAreNamedAsTheUnitsLevelNamesThem() {
        assertEquals("处级机构", OrganisationSection.bodyRank("自治区本级"));
        assertEquals("处级机构", OrganisationSection.bodyRank("省级"));
        assertEquals("科室", OrganisationSection.bodyRank("市级"));
        assertEquals("股室", OrganisationSection.bodyRank("县级"));
        assertEquals("内设机构", OrganisationSection.bodyRank("乡镇级"));
        assertEquals("内设机构", OrganisationSection.bodyRank(null));
    }

    @Test
    void anIncompleteEvaluationSaysHowMuchIsVerifiedAndGetsNoGrade() {
        ScoreSnapshot complete = SeedFixture.scores();
        ScoreSnapshot incomplete = new ScoreSnapshot(complete.unitCode(), complete.fiscalYear(),
                ScoreSnapshot.Status.INCOMPLETE, null, complete.basis(), complete.framework(), complete.total(), null,
                complete.declaredTotal(), complete.indicators(), complete.findings(), complete.warnings(),
                new ScoreSnapshot.Coverage(new BigDecimal("95"), new BigDecimal("100"), new BigDecimal("95.00"),
                        new BigDecimal("100"), false, complete.coverage().missing()));
        ReportInputs seed = seedInputs();
        ReportInputs in = new ReportInputs(seed.unitCode(), seed.fiscalYear(), seed.unit(), seed.budget(),
                seed.staff(), seed.assets(), held(incomplete), seed.narratives(), seed.explanations());

        ReportModel internal = writer.write(in, Variant.INTERNAL);
        assertTrue(text(internal).contains("我办自评结果为95分；系统已核验指标7项（权重95分，得88.5分），其余1项待补充依据，"
                + "暂不评定等级，根据绩效自评情况"), text(internal));
        assertFalse(text(internal).contains("等级为"), "no grade the evidence does not support");
        assertEquals("待补充", internal.annex().grade());
        assertFalse(text(writer.write(in, Variant.PUBLIC)).contains("核验"));
    }

    @Test
    void theInternalVersionShowsTheComputedTotalAndEveryFindingThePublicOneNeither() {
        ReportModel internal = writer.write(seedInputs(), Variant.INTERNAL);
        ReportModel published = writer.write(seedInputs(), Variant.PUBLIC);
        assertTrue(text(internal).contains("我办自评结果为95分（系统按指标体系计算得分为88.5分，等级为“良”，已核验指标7项（权重95分），"
                + "其余1项待补充依据），根据绩效自评情况"), text(internal));
        assertTrue(text(published).contains("我办自评结果为95分，根据绩效自评情况"));
        assertFalse(text(published).contains("88.5分"));

        ReportFinding revenue = internal.findings().stream().filter(f -> f.ruleId().equals("BUD-REVENUE-IDENTITY"))
                .findFirst().orElseThrow();
        assertEquals("budget", revenue.origin());
        assertEquals("ERROR", revenue.severity());
        assertTrue(revenue.blocking(), "an unexplained error blocks submission");
        assertEquals(0, new java.math.BigDecimal("7738580.00").compareTo(revenue.difference()));
        assertTrue(revenue.figures().stream().anyMatch(f -> f.label().equals("财政下达资金指标")));
        assertTrue(internal.findings().stream().anyMatch(f -> f.ruleId().equals("STAFF-UNCHECKED")
                && f.origin().equals("personnel")));
        assertTrue(internal.findings().stream().anyMatch(f -> f.ruleId().equals("ASSESS-DECLARED-TOTAL")
                && f.origin().equals("scores")));
        assertEquals(List.of(), published.findings());
        // the seed withholds its body counts: a withheld count is not a missing figure
        assertTrue(internal.findings().stream().noneMatch(f -> f.origin().equals("report")),
                "the seed's inputs are complete: " + internal.findings());
    }

    @Test
    void anExplainedErrorNoLongerBlocksAndCarriesItsExplanation() {
        ReportInputs seed = seedInputs();
        ReportInputs explained = new ReportInputs(seed.unitCode(), seed.fiscalYear(), seed.unit(), seed.budget(),
                seed.staff(), seed.assets(), seed.scores(), seed.narratives(),
                Map.of("BUD-REVENUE-IDENTITY", "年底收回含2023年结转资金收回，财政下达资金指标已扣除"));
        ReportModel m = writer.write(explained, Variant.INTERNAL);
        ReportFinding revenue = m.findings().stream().filter(f -> f.ruleId().equals("BUD-REVENUE-IDENTITY"))
                .findFirst().orElseThrow();
        assertFalse(revenue.blocking());
        assertEquals("年底收回含2023年结转资金收回，财政下达资金指标已扣除", revenue.explanation());
        assertEquals(List.of("BUD-EXPENDITURE-IDENTITY", "BUD-BALANCE"), m.blockingRuleIds());
    }

    @Test
    void missingFiguresPrintAsMissingAndBecomeFindingsNeverNumbers() {
        BudgetDocument seed = SeedFixture.budgetDocument();
        BudgetDocument.Revenue r = seed.revenue();
        BudgetDocument gaps = new BudgetDocument(new BudgetDocument.Revenue(r.allocatedTotal(), r.initialAllocation(),
                r.initialAllocationBySource(), r.carryover(), null, r.yearEndRecoveries()),
                new BudgetDocument.Expenditure(seed.expenditure().total(), seed.expenditure().carriedForward(), null,
                        null, seed.expenditure().personnel(), null, seed.expenditure().projects()),
                null, null, List.of(), List.of(), null, null);
        ReportInputs in = new ReportInputs("XZ-GAP", 2024, null, held(new BudgetSnapshot("XZ-GAP", 2024, gaps, null,
                List.of())), null, null, null, NarrativeDocument.empty(), Map.of());
        ReportModel m = writer.write(in, Variant.INTERNAL);
        String text = text(m);
        assertTrue(text.contains("年中追加资金*万元"), text);
        assertTrue(text.contains("支出进度*%。其中"), text);
        assertTrue(text.contains("公用经费支出*万元，支出进度*%"), text);
        assertTrue(text.contains("“三公”经费支出*万元。"), text);
        assertTrue(text.contains("3.人员情况。\n（未填报）"), text);
        assertTrue(text.contains("4.资产情况。\n（未填报）"), text);
        assertTrue(text.contains("（二）当年部门履职总体目标、工作任务。\n（未填报）"), text);
        assertTrue(text.contains("自评结果为*分"), text);
        assertFalse(m.annex().available());

        List<String> missingFigures = m.findings().stream().filter(f -> f.ruleId().equals("REPORT-MISSING-FIGURE"))
                .map(ReportFinding::subject).toList();
        assertTrue(missingFigures.containsAll(List.of("budget.revenue.midYearAdditions",
                "budget.expenditure.executionRatePercent", "budget.expenditure.publicFunds.actual",
                "budget.threePublicExpenses.actual")), missingFigures.toString());
        assertTrue(m.findings().stream().filter(f -> f.ruleId().equals("REPORT-MISSING-FIGURE"))
                .allMatch(f -> f.severity().equals("INFO") && !f.blocking()));
        List<String> missingSources = m.findings().stream().filter(f -> f.ruleId().equals("REPORT-MISSING-SOURCE"))
                .map(ReportFinding::subject).toList();
        assertEquals(List.of("units", "personnel", "assets", "scores"), missingSources);
        assertTrue(m.findings().stream().anyMatch(f -> f.ruleId().equals("REPORT-MISSING-NARRATIVE")
                && f.subject().equals("narratives.annualGoals")));
        var midYear = m.figures().stream().filter(f -> f.key().equals("budget.revenue.midYearAdditions")).findFirst()
                .orElseThrow();
        assertEquals("MISSING", midYear.status());
        assertEquals(null, midYear.value());
        assertEquals("*", midYear.printed());
    }

    @Test
    void disclosedCountsPrintWithheldOnesAsStarsUnknownCodesAsThemselves() {
        UnitSnapshot unit = new UnitSnapshot("XZ-TJJ", "西藏自治区统计局", "西藏自治区", "自治区本级", null, true,
                List.of("自治区统计局"), "统计工作", new UnitSnapshot.Bodies(7, true, List.of("办公室", "综合处")),
                new UnitSnapshot.Bodies(null, false, List.of()), null);
        StaffDocument staff = new StaffDocument(java.time.LocalDate.of(2024, 6, 15), 12, null, null, 10, 2,
                List.of(new StaffDocument.StaffCategory("civil-servant", null, 9, null),
                        new StaffDocument.StaffCategory("contract-staff", null, 3, null)),
                List.of(), List.of(new StaffDocument.Movement("open-recruitment", 2),
                        new StaffDocument.Movement("secondment-in", 1), new StaffDocument.Movement("retirement", 1)),
                null, null);
        ReportInputs in = new ReportInputs("XZ-TJJ", 2024, held(unit), null,
                held(new StaffSnapshot("XZ-TJJ", 2024, staff, List.of())), null, null, NarrativeDocument.empty(),
                Map.of());
        ReportModel m = writer.write(in, Variant.INTERNAL);
        String text = text(m);
        assertTrue(text.contains("自治区统计局内设机构7个，包括办公室、综合处等7个处级机构，所属事业单位*个。"), text);
        assertTrue(text.contains("截至2024年6月15日，我单位在职干部职工共12人，其中：行政公务员9人、contract-staff3人。"), text);
        assertTrue(text.contains("与上年对比干部职工人员增加2人，是因当年我单位退休1人，公开招聘2人，secondment-in1人。"), text);
        List<String> unknown = m.findings().stream().filter(f -> f.ruleId().equals("REPORT-UNKNOWN-CODE"))
                .map(ReportFinding::subject).toList();
        assertEquals(List.of("personnel.categories.contract-staff", "personnel.movements.secondment-in"), unknown);
        assertEquals("NOT_DISCLOSED", m.figures().stream()
                .filter(f -> f.key().equals("units.affiliatedInstitutions.count")).findFirst().orElseThrow().status());

        // configuration names what the built-in list does not know
        ReportWriter configured = new ReportWriter(new Labels(config(Map.of("contract-staff", "合同制人员"),
                Map.of("secondment-in", "IN:借调"))));
        String named = text(configured.write(in, Variant.INTERNAL));
        assertTrue(named.contains("行政公务员9人、合同制人员3人。"), named);
        assertTrue(named.contains("是因当年我单位退休1人，公开招聘2人、借调1人。"), named);
    }

    @Test
    void aReportStatingEstablishmentsActualAndFiscallySupportedStaffAndSecondedBodiesPrintsThem() {
        // 编制 by category without headcounts, 实有人数 and 财政供养人员 (retirees included), 离休 and 退休 named
        StaffDocument staff = new StaffDocument(java.time.LocalDate.of(2020, 12, 31), null, null, 205, null, null,
                List.of(new StaffDocument.StaffCategory("civil-servant", 120, null, null),
                        new StaffDocument.StaffCategory("institution-staff", 85, null, null)),
                List.of(new StaffDocument.OtherPersons("离休人员", 2, null, null),
                        new StaffDocument.OtherPersons("退休人员", 75, null, null)),
                null, 113, 190);
        ReportInputs in = new ReportInputs("XZ-TJJ", 2020, held(new UnitSnapshot("XZ-TJJ", "某县财政局", "湖南省", "县级",
                null, true, List.of(), null, new UnitSnapshot.Bodies(null, false, List.of()),
                new UnitSnapshot.Bodies(null, false, List.of()),
                new UnitSnapshot.Bodies(28, true, List.of("城关派出所", "纪检监察组")))), null,
                held(new StaffSnapshot("XZ-TJJ", 2020, staff, List.of())), null, null, NarrativeDocument.empty(),
                Map.of());
        ReportModel m = writer.write(in, Variant.INTERNAL);
        String text = text(m);
        assertTrue(text.contains("核定编制205人，实有人数113人，财政供养人员190人"), text);
        assertTrue(text.contains("行政公务员编制120人"), text);
        assertTrue(text.contains("离休人员2人") && text.contains("退休人员75人"), text);
        assertTrue(text.contains("派驻机构28个，包括城关派出所、纪检监察组等"), text);
        for (String key : List.of("personnel.establishment", "personnel.actualTotal", "personnel.fiscallySupported",
                "personnel.categories.civil-servant.establishment")) {
            assertEquals("STATED", m.figures().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow()
                    .status(), key);
        }
        // the in-service total was not stated: it shows as missing, never as a number
        assertEquals("MISSING", m.figures().stream().filter(f -> f.key().equals("personnel.totalInService"))
                .findFirst().orElseThrow().status());
    }

    @Test
    void statedChangesFromTheYearBeforePrintAsReportsWordThem() {
        BudgetDocument seed = SeedFixture.budgetDocument();
        BudgetDocument compared = new BudgetDocument(seed.revenue(), seed.expenditure(), seed.threePublicExpenses(),
                seed.governmentProcurement(), seed.projects(), seed.monthlyExecution(), List.of(
                        new BudgetDocument.StatedChange("revenue.allocatedTotal", null, new BigDecimal("1892500.00"),
                                new BigDecimal("31.39")),
                        new BudgetDocument.StatedChange("expenditure.total", new BigDecimal("200000000.00"), null,
                                new BigDecimal("-6.21")),
                        new BudgetDocument.StatedChange("threePublicExpenses.actual", new BigDecimal("1000000.00"),
                                null, null)), null);
        ReportInputs in = new ReportInputs("XZ-CHG", 2024, null, held(new BudgetSnapshot("XZ-CHG", 2024, compared, null,
                List.of())), null, null, null, NarrativeDocument.empty(), Map.of());
        ReportModel m = writer.write(in, Variant.INTERNAL);
        String text = text(m);
        // 18758.6 − 20000 = −1241.4万元, derived from the stated 上年数; 92.99 − 100 = −7.01万元
        assertTrue(text.contains("与上年相比，财政下达资金指标较上年增加189.25万元，增长31.39%；"
                + "财政资金总支出较上年减少1241.4万元，下降6.21%；“三公”经费支出较上年减少7.01万元。"), text);
        var derived = m.figures().stream().filter(f -> f.key().equals("budget.changes.expenditure.total.change"))
                .findFirst().orElseThrow();
        assertEquals("DERIVED", derived.status());
        assertEquals(0, new BigDecimal("-12414000.00").compareTo(derived.value()));
    }

    @Test
    void theFinalAccountsPrintAsTheUnitStatesThem() {
        BudgetDocument seed = SeedFixture.budgetDocument();
        var accounts = new io.jixiao.events.budget.FinalAccounts(
                new io.jixiao.events.budget.FinalAccounts.Income(new io.jixiao.events.budget.FinalAccounts.FiscalIncome(
                        new BigDecimal("38591600.00"), new BigDecimal("38591600.00"), BigDecimal.ZERO, null), null,
                        BigDecimal.ZERO, null, null, new BigDecimal("2663300.00"), new BigDecimal("41254900.00"), null,
                        null, null),
                new io.jixiao.events.budget.FinalAccounts.Expenditure(
                        new io.jixiao.events.budget.FinalAccounts.BasicSpending(new BigDecimal("11402700.00"), null,
                                null), new BigDecimal("30036400.00"), null, null, null, new BigDecimal("41439100.00"),
                        null, new BigDecimal("0.00"), null),
                List.of());
        BudgetDocument withAccounts = new BudgetDocument(seed.revenue(), seed.expenditure(),
                seed.threePublicExpenses(), seed.governmentProcurement(), seed.projects(), seed.monthlyExecution(),
                null, accounts);
        ReportModel m = writer.write(new ReportInputs("XZ-FA", 2022, null, held(new BudgetSnapshot("XZ-FA", 2022,
                withAccounts, null, List.of())), null, null, null, NarrativeDocument.empty(), Map.of()),
                Variant.INTERNAL);
        String text = text(m);
        assertTrue(text.contains("3.决算收支。2022年本年收入合计4125.49万元，其中：财政拨款收入3859.16万元"
                + "（一般公共预算财政拨款收入3859.16万元、政府性基金预算财政拨款收入0万元）、事业收入0万元、"
                + "其他收入266.33万元；收入总计*万元。"), text);
        assertTrue(text.contains("2022年本年支出合计4143.91万元，其中：基本支出1140.27万元、项目支出3003.64万元；"
                + "年末结转和结余0万元；支出总计*万元。"), text);
        // 收、支总计 not stated: missing, and said so
        assertEquals("MISSING", m.figures().stream().filter(f -> f.key().equals("budget.finalAccounts.income.grandTotal"))
                .findFirst().orElseThrow().status());
    }

    @Test
    void chineseOrdinals() {
        assertEquals("一", ChineseText.ordinal(1));
        assertEquals("九", ChineseText.ordinal(9));
        assertEquals("十", ChineseText.ordinal(10));
        assertEquals("十一", ChineseText.ordinal(11));
        assertEquals("二十", ChineseText.ordinal(20));
        assertEquals("二十三", ChineseText.ordinal(23));
        assertEquals("95", ChineseText.points(new java.math.BigDecimal("95.00")));
        assertEquals("96.04", ChineseText.percent(new java.math.BigDecimal("96.04")));
        assertEquals("100", ChineseText.percent(new java.math.BigDecimal("100")));
    }
}
