package io.jixiao.events;

import java.util.List;

/**
 * A budget unit's profile (单位基本信息) as held by personnel-service; topic {@link Topics#UNITS},
 * keyed by unit code.
 *
 * @param unitCode   the unit's code, e.g. {@code XZ-WXB}
 * @param name       full name, e.g. 自治区党委网信办
 * @param region     administrative region code or name, e.g. 西藏自治区
 * @param level      administrative level (省级, 市级, 县级 …)
 * @param parentCode the supervising unit's code (主管部门), if any
 * @param active     false once the unit is retired; its history stays
 * @param aliases    other names the unit is known by (简称)
 */
public record UnitSnapshot(
        String unitCode,
        String name,
        String region,
        String level,
        String parentCode,
        boolean active,
        List<String> aliases) {

    public static final String TYPE = "unit.snapshot";
}
