package io.jixiao.personnel.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit's staff at year end (人员情况) as its HR system pushes it: establishment and headcount per category, the
 * persons outside the in-service total, last year's total and the movements that explain the change. Category
 * codes and movement kinds come from configurable lists (see personnel-service {@code /reference}). This is the API
 * record; personnel-service publishes the contract {@link io.jixiao.events.personnel.StaffDocument}.
 */
@Schema(description = "人员情况（年末）：单位人事系统推送的编制数、各类别在职人数、在职人数以外的人员、上年在职人数及本年人员变动，"
        + "整份替换。人数单位为人。未填报的人数表示未说明，不按零计，在报告和核对中显示为缺失。"
        + "人员类别和变动类型的编码见 /reference。")
public record StaffDocument(
        @Schema(description = "截至日期：人数的统计时点，如 2024-12-31，须为本预算年度内的日期。必填。")
        @NotNull LocalDate asOf,
        @Schema(description = "在职干部职工人数（人）：截至日的在职干部职工总数，应等于各类别在职人数之和。"
                + "未填报表示未说明，不按零计（如报告只说明编制数）。")
        @PositiveOrZero Integer totalInService,
        @Schema(description = "纳入工资统发系统供养的在职干部职工人数（人）：不超过在职干部职工人数。未填报表示未说明，不按零计。")
        @PositiveOrZero Integer onPayroll,
        @Schema(description = "编制数（人）：各类别合计的核定编制数，用于在职人员控制率（在职人员数 ÷ 编制数）。"
                + "未填报表示未说明，不按零计。")
        @PositiveOrZero Integer establishment,
        @Schema(description = "上年在职干部职工人数（人）：本年在职人数应等于上年在职人数 + 本年增加 − 本年减少。"
                + "未填报表示未说明，不按零计。")
        @PositiveOrZero Integer previousYearTotal,
        @Schema(description = "与上年对比增减人数（人）：填报的增减数，减少为负数（如 −27），应等于本年在职人数 − 上年在职人数。"
                + "未填报时报告按上年在职人数推算；两者都未填报则显示为缺失。")
        Integer statedChange,
        @Schema(description = "各类别在职人数（人员类别）：如行政公务员、参照公务员法管理事业人员、事业人员、机关工人，"
                + "每类至多一条，类别编码见 /reference/staff-categories。未填报表示未按类别说明。")
        @Size(max = 50) List<@NotNull @Valid StaffCategory> categories,
        @Schema(description = "在职人数以外的人员：如离休人员、退休人员、人员经费中发放工资的遗属、临时工，各列名称和人数。"
                + "未填报表示未说明。")
        @Size(max = 50) List<@NotNull @Valid OtherPersons> others,
        @Schema(description = "本年人员变动：按变动类型（调出、退休、公开招聘、公开考录、公开遴选、调入、人才引进等）的人数，"
                + "每类至多一条，类型编码见 /reference/movement-kinds。未填报表示未说明，不按零计。")
        @Size(max = 100) List<@NotNull @Valid Movement> movements,
        @Schema(description = "实有人数（人）：报告所称的实有人数（可含在职以外的人员，以报告口径为准）。未填报表示未说明，不按零计。")
        @PositiveOrZero Integer actualTotal,
        @Schema(description = "财政供养人员（人）：报告所称的财政供养人员数（可含离退休人员，以报告口径为准）。"
                + "未填报表示未说明，不按零计。")
        @PositiveOrZero Integer fiscallySupported) {

    /** Headcount (and establishment) of one category, with "其中" subgroups (e.g. 援藏干部 among 公务员). */
    public record StaffCategory(
            @Schema(description = "人员类别编码：见 /reference/staff-categories，如 civil-servant（行政公务员）。必填。")
            @NotBlank @Size(max = 64) String category,
            @Schema(description = "该类别编制数（人）：各类别合计不超过编制数。未填报表示未说明，不按零计。")
            @PositiveOrZero Integer establishment,
            @Schema(description = "该类别在职人数（人）：未填报表示未说明，不按零计（如报告只列出各类别编制数）。")
            @PositiveOrZero Integer headcount,
            @Schema(description = "其中（分组）：该类别中的部分人员，如援藏干部，合计不超过该类别在职人数。未填报表示未列明。")
            @Size(max = 20) List<@NotNull @Valid Subgroup> including) {
    }

    /** A "其中" subgroup of a category. */
    public record Subgroup(
            @Schema(description = "分组名称：如援藏干部。必填。")
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "分组人数（人）。必填。")
            @NotNull @PositiveOrZero Integer headcount) {
    }

    /**
     * Persons the unit pays or employs outside the in-service total: e.g. 遗属 (survivors of staff who died on duty)
     * paid from personnel funds, 临时工 (temporary workers) outside the payroll system.
     */
    public record OtherPersons(
            @Schema(description = "人员名称：如遗属、临时工。必填。")
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "人数（人）。必填。")
            @NotNull @PositiveOrZero Integer headcount,
            @Schema(description = "是否由人员经费发放工资：true 时报告写作“人员经费中发放工资的…”。可不填报：未填报时报告只写人员名称和人数。")
            Boolean paidFromPersonnelFunds,
            @Schema(description = "说明：报告中的完整称呼，如“人员经费中发放工资的国家机关工作人员牺牲病故后遗属”"
                    + "（以人员名称结尾时报告直接采用）。未填报则按人员名称表述。")
            @Size(max = 300) String note) {
    }

    /** A staff movement of the year by kind (调出, 退休, 公开招聘 …), with how many persons. */
    public record Movement(
            @Schema(description = "变动类型编码：见 /reference/movement-kinds，如 transfer-out（调出）、retirement（退休）、"
                    + "open-recruitment（公开招聘）。必填。")
            @NotBlank @Size(max = 64) String kind,
            @Schema(description = "人数（人）：本年该类变动的人数。必填。")
            @NotNull @PositiveOrZero Integer count) {
    }
}
