package io.jixiao.personnel.rest;

import io.jixiao.personnel.api.Bodies;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit's profile as an administrator or the unit's system pushes it.
 *
 * @param functions              主要职能, as text
 * @param internalBodies         内设机构: count (or {@code disclosed=false, count=null} when withheld) and names
 * @param affiliatedInstitutions 所属事业单位: likewise
 * @param secondedBodies         派驻机构: likewise
 */
public record UnitProfileRequest(
        @Schema(description = "单位全称：如中共西藏自治区委员会网络安全和信息化委员会办公室。必填。")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "所属地区：如西藏自治区，据此选用适用的指标体系。未填报表示未说明。")
        @Size(max = 100) String region,
        @Schema(description = "单位级次：如自治区本级、市级、县级。未填报表示未说明。")
        @Size(max = 50) String level,
        @Schema(description = "主管部门编码：上级主管单位的单位编码。未填报表示无主管部门或未说明。")
        @Pattern(regexp = UnitResource.UNIT_CODE) String parentCode,
        @Schema(description = "是否在用：false 表示单位已撤销，历史数据保留。未填报按 true（在用）处理。")
        Boolean active,
        @Schema(description = "简称：如自治区党委网信办；第一个简称用于报告标题（报告文字未另行指定时）。未填报表示无简称。")
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> aliases,
        @Schema(description = "主要职能：报告“一、部门概况（一）1.主要职能”的文字，报告文字中的 functions 可覆盖。"
                + "未填报时报告显示为未填报。")
        @Size(max = 10000) String functions,
        @Schema(description = "内设机构：数目（可不公开）和名称。未填报视为数目不公开、无名称。")
        @Valid Bodies internalBodies,
        @Schema(description = "所属事业单位：数目（可不公开）和名称。未填报视为数目不公开、无名称。")
        @Valid Bodies affiliatedInstitutions,
        @Schema(description = "派驻机构：如乡镇派出所、派驻纪检监察组，数目（可不公开）和名称。未填报视为数目不公开、无名称。")
        @Valid Bodies secondedBodies) {
}
