package io.jixiao.events.personnel;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit's staff at year end (人员情况) as its HR system pushes it: establishment and headcount per category, the
 * persons outside the in-service total, last year's total and the movements that explain the change. Category
 * codes and movement kinds come from configurable lists (see personnel-service {@code /reference}). Any count may be
 * missing (null): not stated, never zero.
 *
 * @param actualTotal       实有人数 as the unit's report states it
 * @param fiscallySupported 财政供养人员 as the unit's report states it (may include retirees)
 */
public record StaffDocument(LocalDate asOf, Integer totalInService, Integer onPayroll, Integer establishment,
        Integer previousYearTotal, Integer statedChange, List<StaffCategory> categories, List<OtherPersons> others,
        List<Movement> movements, Integer actualTotal, Integer fiscallySupported) {

    /** Headcount (and establishment) of one category, with "其中" subgroups (e.g. 援藏干部 among 公务员). */
    public record StaffCategory(String category, Integer establishment, Integer headcount, List<Subgroup> including) {
    }

    /** A "其中" subgroup of a category. */
    public record Subgroup(String name, Integer headcount) {
    }

    /**
     * Persons the unit pays or employs outside the in-service total: e.g. 遗属 (survivors of staff who died on duty)
     * paid from personnel funds, 临时工 (temporary workers) outside the payroll system.
     */
    public record OtherPersons(String name, Integer headcount, Boolean paidFromPersonnelFunds, String note) {
    }

    /** A staff movement of the year by kind (调出, 退休, 公开招聘 …), with how many persons. */
    public record Movement(String kind, Integer count) {
    }
}
