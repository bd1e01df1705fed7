package io.jixiao.personnel.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A count of bodies with their names (内设机构, 所属事业单位) as a unit's profile states them. A count can be withheld
 * (the seed prints {@code *}): then {@code disclosed} is false and {@code count} null. The API record of the contract
 * {@link io.jixiao.events.UnitSnapshot.Bodies}.
 */
public record Bodies(
        @Schema(description = "数目（个）：如内设机构数。公开时必填且不少于所列名称数；不公开时须为空。")
        @PositiveOrZero Integer count,
        @Schema(description = "是否公开数目：false 表示不公开（报告印作 *）。未填报时，给出 count 即为公开，否则为不公开。")
        Boolean disclosed,
        @Schema(description = "名称：如秘书处、网络传播处（报告印作“包括…等N个处级机构”）。未填报表示未列名称。")
        @Size(max = 200) List<@NotBlank @Size(max = 100) String> names) {
}
