package io.jixiao.report.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The sections of the report the unit writes itself (报告文字部分), pushed as one document per unit-year. Every
 * field is optional: a missing section prints as 「（未填报）」 and is an INFO finding of the internal version.
 * Lists are printed with their ordinals (一是…, 1.…) added by the report: items carry no ordinal of their own.
 *
 * @param unitShortName       the unit's name in the title, e.g. 自治区党委网信办 (else the profile's first alias)
 * @param selfReference       how the report calls the unit, e.g. 我办 (else 我单位)
 * @param addressee           to whom the report goes, e.g. 自治区财政厅
 * @param notice              the notice the report answers (《…》 in the opening), without the brackets
 * @param openingContext      the opening's clause after the notice, e.g. 结合网信工作实际
 * @param functions           一(一)1 主要职能: overrides the unit profile's functions when given
 * @param annualGoals         一(二) 当年部门履职总体目标、工作任务
 * @param performanceGoals    一(三) 当年部门年度整体支出绩效目标, one item per 一是/二是…
 * @param budgetPerformanceManagement 一(四) 部门预算绩效管理开展情况
 * @param expenditureRemark   closes 一(五)2 预算支出, e.g. 财务支出稳定运行
 * @param dutyCompletion      二(一) 履职完成情况
 * @param dutyEffects         二(二) 履职效果情况, one item per 一是/二是…
 * @param satisfactionAndSustainability 二(三) 社会满意度及可持续性影响
 * @param problems            三(一) 存在问题, one item per 1./2.…
 * @param improvements        三(二) 改进措施, one item per 1./2.…
 * @param resultApplication   四 绩效自评结果拟应用和公开情况, after the generated 「…自评结果为N分，」
 */
public record NarrativeDocument(
        @Prose(max = 50) String unitShortName,
        @Prose(max = 20) String selfReference,
        @Prose(max = 100) String addressee,
        @Prose(max = 300) String notice,
        @Prose(max = 300) String openingContext,
        @Prose(max = 10_000) String functions,
        @Prose(max = 10_000) String annualGoals,
        @Size(max = 30) List<@NotNull @Prose(max = 3_000) String> performanceGoals,
        @Prose(max = 10_000) String budgetPerformanceManagement,
        @Prose(max = 300) String expenditureRemark,
        @Prose(max = 10_000) String dutyCompletion,
        @Size(max = 30) List<@NotNull @Prose(max = 3_000) String> dutyEffects,
        @Prose(max = 10_000) String satisfactionAndSustainability,
        @Size(max = 30) List<@NotNull @Prose(max = 3_000) String> problems,
        @Size(max = 30) List<@NotNull @Prose(max = 3_000) String> improvements,
        @Prose(max = 10_000) String resultApplication) {

    /** No narratives yet. */
    public static NarrativeDocument empty() {
        return new NarrativeDocument(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
