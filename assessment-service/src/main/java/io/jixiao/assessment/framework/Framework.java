package io.jixiao.assessment.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An indicator framework (绩效评价指标体系) as data: a tree of 一级/二级/三级 indicators whose leaves have a weight, a
 * measure and a scoring rule, with the grade bands it is judged by. Versioned; selected per region and fiscal year.
 *
 * @param regions     regions it applies to ({@code *} for all)
 * @param fromYear    first fiscal year it applies to
 * @param toYear      last fiscal year it applies to
 * @param priority    where several apply, the highest priority wins (a regional framework over the national default)
 * @param coverageThreshold the share of the total weight (%) that must be assessed before a result gets a grade and
 *                          a rank; below it the result is 待补充 (incomplete). 100 when not given
 */
public record Framework(
        @Schema(description = "指标体系编码：如 mof-2013-common。") String id,
        @Schema(description = "版本号（≥1）。") int version,
        @Schema(description = "指标体系名称。") String name,
        @Schema(description = "说明。") String description,
        @Schema(description = "适用地区：* 为全部。") List<String> regions,
        @Schema(description = "适用的首个预算年度。") int fromYear,
        @Schema(description = "适用的末个预算年度。") int toYear,
        @Schema(description = "优先级：多个适用时取最高（地区指标体系优先于全国默认）。") int priority,
        @Schema(description = "等级标准：各等级（优/良/中/差）的最低总分。") List<GradeBand> grades,
        @Schema(description = "一级指标（各带下级指标）。") List<Indicator> indicators,
        @Schema(description = "定等级和排名所需的评分依据覆盖率（%）：已核验指标的权重占总权重的比例达到该值才给出等级和名次，"
                + "否则为待补充；未填报按 100。") BigDecimal coverageThreshold) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The coverage (%) from which a result is graded and ranked: as stated, else 100. */
    public BigDecimal threshold() {
        return coverageThreshold == null ? HUNDRED : coverageThreshold;
    }

    /** A grade and the lowest total that earns it (优 ≥ 90 …). */
    public record GradeBand(
            @Schema(description = "等级：如 优、良、中、差。") String grade,
            @Schema(description = "最低总分（分）。") BigDecimal min) {
    }

    /** Checks the tree: unique codes, leaves with weight, measure and rule, leaf weights summing to 100. */
    public Framework validated() {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("framework id must be lower-case letters, digits and dashes: " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("framework version must be ≥ 1");
        }
        if (indicators == null || indicators.isEmpty()) {
            throw new IllegalArgumentException("framework " + id + " has no indicators");
        }
        if (grades == null || grades.isEmpty()) {
            throw new IllegalArgumentException("framework " + id + " has no grade bands");
        }
        if (coverageThreshold != null && (coverageThreshold.signum() <= 0 || coverageThreshold.compareTo(HUNDRED) > 0)) {
            throw new IllegalArgumentException("coverageThreshold of " + id + " must be above 0 and at most 100");
        }
        Set<String> codes = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Indicator leaf : leaves()) {
            total = total.add(leaf.weight());
        }
        for (Indicator i : all()) {
            if (!codes.add(i.code())) {
                throw new IllegalArgumentException("indicator code " + i.code() + " appears twice");
            }
            i.check();
        }
        if (total.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("leaf weights of " + id + " sum to " + total + ", not 100");
        }
        return this;
    }

    /** Every indicator, parents before children. */
    public List<Indicator> all() {
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : indicators) {
            i.collect(out);
        }
        return out;
    }

    public List<Indicator> leaves() {
        return all().stream().filter(Indicator::isLeaf).toList();
    }

    public String grade(BigDecimal total) {
        return grades.stream().sorted((a, b) -> b.min().compareTo(a.min()))
                .filter(g -> total.compareTo(g.min()) >= 0).map(GradeBand::grade).findFirst().orElse(null);
    }

    public boolean appliesTo(String region, int fiscalYear) {
        return fiscalYear >= fromYear && fiscalYear <= toYear
                && (regions.contains("*") || region != null && regions.contains(region));
    }
}
