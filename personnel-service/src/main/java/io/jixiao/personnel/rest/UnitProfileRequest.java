package io.jixiao.personnel.rest;

import io.jixiao.events.UnitSnapshot.Bodies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A unit's profile as an administrator or the unit's system pushes it.
 *
 * @param functions              主要职能, as text
 * @param internalBodies         内设机构: count (or {@code disclosed=false, count=null} when withheld) and names
 * @param affiliatedInstitutions 所属事业单位: likewise
 */
public record UnitProfileRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 100) String region,
        @Size(max = 50) String level,
        @Pattern(regexp = UnitResource.UNIT_CODE) String parentCode,
        Boolean active,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> aliases,
        @Size(max = 10000) String functions,
        @Valid Bodies internalBodies,
        @Valid Bodies affiliatedInstitutions) {
}
