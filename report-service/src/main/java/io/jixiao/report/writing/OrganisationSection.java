package io.jixiao.report.writing;

import io.jixiao.events.UnitSnapshot;
import java.util.List;

/**
 * 一（一）2.机构情况: the unit's internal bodies and affiliated institutions, counts as disclosed, and its seconded bodies
 * (派驻机构) where the unit states any.
 */
final class OrganisationSection {

    private OrganisationSection() {
    }

    /**
     * What a unit's internal bodies are called at its level: 处 in a province's (自治区、直辖市) departments, 科 in a
     * city's (州、盟), 股 in a county's (区、旗); 内设机构 where the level says neither.
     */
    static String bodyRank(String level) {
        if (level == null) {
            return "内设机构";
        }
        if (level.startsWith("省") || level.startsWith("自治区") || level.startsWith("直辖市")) {
            return "处级机构";
        }
        if (level.startsWith("市") || level.startsWith("州") || level.startsWith("地") || level.startsWith("盟")) {
            return "科室";
        }
        if (level.startsWith("县") || level.startsWith("区") || level.startsWith("旗")) {
            return "股室";
        }
        return "内设机构";
    }

    static String write(FigureLedger ledger, String shortName, UnitSnapshot unit) {
        String internal = ledger.bodyCount("units.internalBodies.count", "内设机构数", unit.internalBodies());
        String affiliated = ledger.bodyCount("units.affiliatedInstitutions.count", "所属事业单位数",
                unit.affiliatedInstitutions());
        StringBuilder s = new StringBuilder(shortName).append("内设机构").append(internal).append("个");
        List<String> names = unit.internalBodies() == null || unit.internalBodies().names() == null ? List.of()
                : unit.internalBodies().names();
        if (!names.isEmpty()) {
            s.append("，包括").append(String.join("、", names)).append("等").append(internal).append("个")
                    .append(bodyRank(unit.level()));
        }
        s.append("，");
        List<String> affNames = unit.affiliatedInstitutions() == null
                || unit.affiliatedInstitutions().names() == null ? List.of() : unit.affiliatedInstitutions().names();
        if (!affNames.isEmpty()) {
            s.append(String.join("、", affNames)).append("等").append(affiliated).append("个所属事业单位。");
        } else {
            s.append("所属事业单位").append(affiliated).append("个。");
        }
        UnitSnapshot.Bodies seconded = unit.secondedBodies();
        if (seconded != null && (seconded.countDisclosed() || seconded.names() != null && !seconded.names().isEmpty())) {
            String count = ledger.bodyCount("units.secondedBodies.count", "派驻机构数", seconded);
            s.append("派驻机构").append(count).append("个");
            if (seconded.names() != null && !seconded.names().isEmpty()) {
                s.append("，包括").append(String.join("、", seconded.names())).append("等");
            }
            s.append("。");
        }
        return s.toString();
    }
}
