package io.jixiao.events.personnel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit's staff at year end (人员情况) as its HR system pushes it: establishment and headcount per category, the
 * persons outside the in-service total, last year's total and the movements that explain the change. Category
 * codes and movement kinds come from configurable lists (see personnel-service {@code /reference}).
 */
public record StaffDocument(
        /* 截至 (e.g. 2024-12-31) */
        @NotNull LocalDate asOf,
        /* 在职干部职工 */
        @NotNull @PositiveOrZero Integer totalInService,
        /* 纳入工资统发系统供养的在职干部职工 */
        @PositiveOrZero Integer onPayroll,
        /* 编制数 (all categories) */
        @PositiveOrZero Integer establishment,
        /* 上年在职人数 */
        @PositiveOrZero Integer previousYearTotal,
        /* 与上年对比增减, as stated (negative for 减少) */
        Integer statedChange,
        @NotNull @Size(max = 50) List<@NotNull @Valid StaffCategory> categories,
        @Size(max = 50) List<@NotNull @Valid OtherPersons> others,
        @Size(max = 100) List<@NotNull @Valid Movement> movements) {

    /** Headcount (and establishment) of one category, with "其中" subgroups (e.g. 援藏干部 among 公务员). */
    public record StaffCategory(
            @NotBlank @Size(max = 64) String category,
            @PositiveOrZero Integer establishment,
            @NotNull @PositiveOrZero Integer headcount,
            @Size(max = 20) List<@NotNull @Valid Subgroup> including) {
    }

    /** A "其中" subgroup of a category. */
    public record Subgroup(@NotBlank @Size(max = 100) String name, @NotNull @PositiveOrZero Integer headcount) {
    }

    /**
     * Persons the unit pays or employs outside the in-service total: e.g. 遗属 (survivors of staff who died on duty)
     * paid from personnel funds, 临时工 (temporary workers) outside the payroll system.
     */
    public record OtherPersons(
            @NotBlank @Size(max = 100) String name,
            @NotNull @PositiveOrZero Integer headcount,
            Boolean paidFromPersonnelFunds,
            @Size(max = 300) String note) {
    }

    /** A staff movement of the year by kind (调出, 退休, 公开招聘 …), with how many persons. */
    public record Movement(@NotBlank @Size(max = 64) String kind, @NotNull @PositiveOrZero Integer count) {
    }
}
