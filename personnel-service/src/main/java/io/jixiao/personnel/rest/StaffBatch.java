package io.jixiao.personnel.rest;

import io.jixiao.events.personnel.StaffDocument;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Many unit-years' staff in one push, all or nothing. */
public record StaffBatch(@NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Entry> items) {

    /** One unit-year of the batch. */
    public record Entry(
            @NotNull @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @NotNull Integer fiscalYear,
            @NotNull @Valid StaffDocument document) {
    }
}
