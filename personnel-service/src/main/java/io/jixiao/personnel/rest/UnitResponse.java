package io.jixiao.personnel.rest;

import io.jixiao.events.UnitSnapshot;
import io.jixiao.personnel.api.Bodies;
import io.jixiao.personnel.mapping.PersonnelMapping;
import io.jixiao.personnel.repository.UnitProfile;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit as the register holds it, with the version of its last change. */
public record UnitResponse(
        @Schema(description = "单位编码：如 XZ-WXB。") String unitCode,
        @Schema(description = "单位全称。") String name,
        @Schema(description = "所属地区：如西藏自治区。") String region,
        @Schema(description = "单位级次：如自治区本级。") String level,
        @Schema(description = "主管部门编码；没有时为空。") String parentCode,
        @Schema(description = "是否在用：false 表示单位已撤销。") boolean active,
        @Schema(description = "简称：如自治区党委网信办。") List<String> aliases,
        @Schema(description = "主要职能。") String functions,
        @Schema(description = "内设机构：数目（可不公开）和名称。") Bodies internalBodies,
        @Schema(description = "所属事业单位：数目（可不公开）和名称。") Bodies affiliatedInstitutions,
        @Schema(description = "派驻机构：数目（可不公开）和名称。") Bodies secondedBodies,
        @Schema(description = "版本号：每次变更加一。") long version,
        @Schema(description = "最近变更时间。") OffsetDateTime updatedAt,
        @Schema(description = "最近变更人。") String updatedBy,
        @Schema(description = "来源系统。") String source) {

    static UnitResponse of(UnitProfile u, UnitSnapshot s, PersonnelMapping mapping) {
        return new UnitResponse(u.unitCode, u.name, u.region, u.level, u.parentCode, u.active, s.aliases(),
                s.functions(), mapping.toApi(s.internalBodies()), mapping.toApi(s.affiliatedInstitutions()),
                mapping.toApi(s.secondedBodies()), u.version,
                u.updatedAt, u.updatedBy, u.source);
    }
}
