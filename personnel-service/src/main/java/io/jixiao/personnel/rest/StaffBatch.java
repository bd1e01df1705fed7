package io.jixiao.personnel.rest;

import io.jixiao.personnel.api.StaffDocument;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Many unit-years' staff in one push, all or nothing. */
public record StaffBatch(
        @Schema(description = "各单位年度的人员情况（1–500项），按顺序逐项返回结果。必填。")
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Entry> items) {

    /** One unit-year of the batch. */
    public record Entry(
            @Schema(description = "单位编码：如 XZ-WXB，须已在单位名录中。必填。")
            @NotNull @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @Schema(description = "预算年度：如 2024。必填。")
            @NotNull Integer fiscalYear,
            @Schema(description = "该单位年度的人员情况，与单独推送的文档相同。必填。")
            @NotNull @Valid StaffDocument document) {
    }
}
