package io.jixiao.personnel.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Many units registered or changed in one request (a province's register loaded in bulk), all or nothing. */
public record UnitBatch(
        @Schema(description = "各单位的基本信息（1–500项），按顺序逐项返回结果。必填。")
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Entry> items) {

    /** One unit of the batch. */
    public record Entry(
            @Schema(description = "单位编码：如 XZ-WXB。必填。")
            @NotNull @Pattern(regexp = UnitResource.UNIT_CODE) String unitCode,
            @Schema(description = "该单位的基本信息，与单独登记的相同。必填。")
            @NotNull @Valid UnitProfileRequest profile) {
    }
}
