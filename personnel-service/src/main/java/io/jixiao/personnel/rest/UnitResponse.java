package io.jixiao.personnel.rest;

import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.UnitSnapshot.Bodies;
import io.jixiao.personnel.repository.UnitProfile;
import java.time.OffsetDateTime;
import java.util.List;

/** A unit as the register holds it, with the version of its last change. */
public record UnitResponse(String unitCode, String name, String region, String level, String parentCode,
        boolean active, List<String> aliases, String functions, Bodies internalBodies, Bodies affiliatedInstitutions,
        long version, OffsetDateTime updatedAt, String updatedBy, String source) {

    static UnitResponse of(UnitProfile u, UnitSnapshot s) {
        return new UnitResponse(u.unitCode, u.name, u.region, u.level, u.parentCode, u.active, s.aliases(),
                s.functions(), s.internalBodies(), s.affiliatedInstitutions(), u.version, u.updatedAt, u.updatedBy,
                u.source);
    }
}
