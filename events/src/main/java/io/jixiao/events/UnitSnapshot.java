package io.jixiao.events;

import java.util.List;

/**
 * A budget unit's profile (单位基本信息) as held by personnel-service; topic {@link Topics#UNITS}, keyed by unit code.
 *
 * @param unitCode               the unit's code, e.g. {@code XZ-WXB}
 * @param name                   full name, e.g. 中共西藏自治区委员会网络安全和信息化委员会办公室
 * @param region                 region, e.g. 西藏自治区
 * @param level                  administrative level (自治区本级, 市级, 县级 …)
 * @param parentCode             the supervising unit's code (主管部门), if any
 * @param active                 false once the unit is retired; its history stays
 * @param aliases                other names (简称), e.g. 自治区党委网信办
 * @param functions              主要职能, as text
 * @param internalBodies         内设机构: count (possibly not disclosed) and names
 * @param affiliatedInstitutions 所属事业单位: count (possibly not disclosed) and names
 * @param secondedBodies         派驻机构 (e.g. 派出所, a stationed discipline inspection group): likewise; null in events
 *                               from before it existed
 */
public record UnitSnapshot(String unitCode, String name, String region, String level, String parentCode,
        boolean active, List<String> aliases, String functions, Bodies internalBodies, Bodies affiliatedInstitutions,
        Bodies secondedBodies) {

    public static final String TYPE = "unit.snapshot";

    /**
     * A count of bodies with their names. A count can be withheld (the seed prints {@code *}): then
     * {@code disclosed} is false and {@code count} null — distinguishable from a disclosed zero. When a push leaves
     * {@code disclosed} out, the count is disclosed exactly when it is given; events always carry it.
     */
    public record Bodies(Integer count, Boolean disclosed, List<String> names) {

        public static Bodies none() {
            return new Bodies(null, false, List.of());
        }

        /** Whether the count is disclosed: as stated, or, when not stated, whether a count is given. */
        public boolean countDisclosed() {
            return disclosed == null ? count != null : disclosed;
        }
    }
}
