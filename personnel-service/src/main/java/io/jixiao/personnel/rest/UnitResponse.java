package io.jixiao.personnel.rest;

import io.jixiao.personnel.repository.UnitProfile;
import java.time.OffsetDateTime;
import java.util.List;

/** A unit as the register holds it, with the version of its last change. */
public record UnitResponse(String unitCode, String name, String region, String level, String parentCode,
        boolean active, List<String> aliases, long version, OffsetDateTime updatedAt, String updatedBy, String source) {

    static UnitResponse of(UnitProfile u, List<String> aliases) {
        return new UnitResponse(u.unitCode, u.name, u.region, u.level, u.parentCode, u.active, aliases, u.version,
                u.updatedAt, u.updatedBy, u.source);
    }
}
