package io.jixiao.report.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(description = "单位简称：报告标题中的单位名称，如自治区党委网信办。未填报时用单位档案的第一个简称，再无则用全称。")
        @Prose(max = 50) String unitShortName,
        @Schema(description = "自称：报告中对本单位的称呼，如我办。未填报时用“我单位”。")
        @Prose(max = 20) String selfReference,
        @Schema(description = "报送对象（抬头）：如自治区财政厅。未填报时报告显示“（未填报）”。")
        @Prose(max = 100) String addressee,
        @Schema(description = "所依据的通知：开头“根据《…》要求”中的通知名称，不含书名号，如"
                + "西藏自治区财政厅关于开展2024年度自治区本级部门（单位）绩效评价的通知。未填报时写作“根据有关要求”。")
        @Prose(max = 300) String notice,
        @Schema(description = "开头补充语：通知之后的一句，如“结合网信工作实际”。未填报则省略。")
        @Prose(max = 300) String openingContext,
        @Schema(description = "主要职能：一、（一）1.主要职能；填报时取代单位档案中的主要职能。未填报时用单位档案中的主要职能，"
                + "两者都没有则显示“（未填报）”。")
        @Prose(max = 10_000) String functions,
        @Schema(description = "当年部门履职总体目标、工作任务：一、（二）。未填报时报告显示“（未填报）”。")
        @Prose(max = 10_000) String annualGoals,
        @Schema(description = "当年部门年度整体支出绩效目标：一、（三），每项一段，报告依次加“一是、二是……”。未填报时报告显示“（未填报）”。")
        @Size(max = 30) List<@NotNull @Prose(max = 3_000) String> performanceGoals,
        @Schema(description = "部门预算绩效管理开展情况：一、（四）。未填报时报告显示“（未填报）”。")
        @Prose(max = 10_000) String budgetPerformanceManagement,
        @Schema(description = "预算支出补充说明：接在一、（五）2.预算支出一段的末尾，如“财务支出稳定运行”。未填报则省略。")
        @Prose(max = 300) String expenditureRemark,
        @Schema(description = "履职完成情况：二、（一）。未填报时报告显示“（未填报）”。")
        @Prose(max = 10_000) String dutyCompletion,
        @Schema(description = "履职效果情况：二、（二），每项一句，报告依次加“一是、二是……”连成一段。未填报时报告显示“（未填报）”。")
        @Size(max = 30) List<@NotNull @Prose(max = 3_000) String> dutyEffects,
        @Schema(description = "社会满意度及可持续性影响：二、（三）。未填报时报告显示“（未填报）”。")
        @Prose(max = 10_000) String satisfactionAndSustainability,
        @Schema(description = "存在问题：三、（一）部门整体支出绩效中存在问题，每项一段，报告依次加“1.、2.……”。未填报时报告显示“（未填报）”。")
        @Size(max = 30) List<@NotNull @Prose(max = 3_000) String> problems,
        @Schema(description = "改进措施：三、（二），每项一段，报告依次加“1.、2.……”。未填报时报告显示“（未填报）”。")
        @Size(max = 30) List<@NotNull @Prose(max = 3_000) String> improvements,
        @Schema(description = "绩效自评结果拟应用和公开情况：四，接在报告生成的“根据《部门整体支出绩效自评表》，我办自评结果为N分，”之后。"
                + "未填报时该段止于自评结果，并列为提示。")
        @Prose(max = 10_000) String resultApplication) {

    /** No narratives yet. */
    public static NarrativeDocument empty() {
        return new NarrativeDocument(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
