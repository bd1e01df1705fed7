package io.jixiao.personnel.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A unit's profile as an administrator or the unit's system pushes it. */
public record UnitProfileRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String region,
        @Size(max = 50) String level,
        @Pattern(regexp = UnitResource.UNIT_CODE) String parentCode,
        Boolean active,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> aliases) {
}
