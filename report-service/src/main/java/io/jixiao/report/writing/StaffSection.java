package io.jixiao.report.writing;

import static io.jixiao.report.writing.ChineseText.monthEnd;
import static io.jixiao.report.writing.ChineseText.ordinal;

import io.jixiao.events.personnel.StaffDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 一（一）3.人员情况: headcount (and 编制, 实有人数, 财政供养人员 where stated) by category with its 其中 subgroups, the
 * persons outside the total, the change from last year and the movements that explain it, in the report's wording of
 * personnel-service's codes. A category stated by its 编制 only prints as such.
 */
final class StaffSection {

    private final Labels labels;

    StaffSection(Labels labels) {
        this.labels = labels;
    }

    String write(FigureLedger ledger, String self, StaffDocument staff) {
        StringBuilder s = new StringBuilder("截至").append(monthEnd(staff.asOf())).append("，").append(self)
                .append("在职干部职工共").append(ledger.persons("personnel.totalInService", "在职干部职工人数",
                        staff.totalInService())).append("人");
        if (staff.establishment() != null) {
            s.append("，核定编制").append(ledger.persons("personnel.establishment", "编制数", staff.establishment()))
                    .append("人");
        }
        if (staff.actualTotal() != null) {
            s.append("，实有人数").append(ledger.persons("personnel.actualTotal", "实有人数", staff.actualTotal()))
                    .append("人");
        }
        if (staff.fiscallySupported() != null) {
            s.append("，财政供养人员").append(ledger.persons("personnel.fiscallySupported", "财政供养人员",
                    staff.fiscallySupported())).append("人");
        }
        List<String> clauses = new ArrayList<>();
        StringBuilder payroll = new StringBuilder();
        if (staff.onPayroll() != null) {
            payroll.append("纳入工资统发系统供养的在职干部职工")
                    .append(ledger.persons("personnel.onPayroll", "纳入工资统发系统供养的在职干部职工人数", staff.onPayroll()))
                    .append("人");
        }
        List<String> categories = new ArrayList<>();
        for (StaffDocument.StaffCategory c : staff.categories() == null ? List.<StaffDocument.StaffCategory>of()
                : staff.categories()) {
            String name = labels.category(c.category()).orElseGet(() -> ledger.unknownCode("personnel.categories",
                    "人员类别", c.category()));
            StringBuilder cat = new StringBuilder(name);
            if (c.headcount() == null && c.establishment() != null) {
                // a report that states the category's establishment only (编制 by category)
                cat.append("编制").append(ledger.persons("personnel.categories." + c.category() + ".establishment",
                        name + "编制数", c.establishment())).append("人");
            } else {
                cat.append(ledger.persons("personnel.categories." + c.category() + ".headcount", name + "人数",
                        c.headcount())).append("人");
            }
            if (c.including() != null && !c.including().isEmpty()) {
                List<String> subs = new ArrayList<>();
                for (StaffDocument.Subgroup g : c.including()) {
                    subs.add(g.name() + ledger.persons("personnel.categories." + c.category() + ".including." + g.name(),
                            name + "其中" + g.name() + "人数", g.headcount()) + "人");
                }
                cat.append("（").append(String.join("、", subs)).append("）");
            }
            categories.add(cat.toString());
        }
        if (!categories.isEmpty()) {
            payroll.append(payroll.length() > 0 ? "，其中：" : "其中：").append(String.join("、", categories));
        }
        if (payroll.length() > 0) {
            clauses.add(payroll.toString());
        }
        for (StaffDocument.OtherPersons o : staff.others() == null ? List.<StaffDocument.OtherPersons>of()
                : staff.others()) {
            String count = ledger.persons("personnel.others." + o.name(), o.name() + "人数", o.headcount());
            if (Boolean.TRUE.equals(o.paidFromPersonnelFunds())) {
                String described = o.note() != null && o.note().endsWith(o.name()) ? o.note()
                        : "人员经费中发放工资的" + o.name();
                clauses.add(self + described + count + "人");
            } else {
                clauses.add(o.name() + count + "人");
            }
        }
        if (clauses.size() == 1) {
            s.append("，").append(clauses.get(0));
        } else if (clauses.size() > 1) {
            s.append("，");
            for (int i = 0; i < clauses.size(); i++) {
                s.append(i == 0 ? "" : "；").append(ordinal(i + 1)).append("是").append(clauses.get(i));
            }
        }
        s.append("。");

        // 与上年对比
        Integer change = staff.statedChange();
        String changeStatus = "STATED";
        if (change == null && staff.previousYearTotal() != null && staff.totalInService() != null) {
            change = staff.totalInService() - staff.previousYearTotal();
            changeStatus = "DERIVED";
        }
        if (staff.previousYearTotal() != null) {
            ledger.figure("personnel.previousYearTotal", "上年在职干部职工人数",
                    BigDecimal.valueOf(staff.previousYearTotal()), "persons", staff.previousYearTotal() + "人",
                    "STATED");
        }
        s.append("与上年对比干部职工人员");
        if (change == null) {
            s.append("增减").append(ledger.missing("personnel.statedChange", "与上年对比增减人数", "persons", "personnel"))
                    .append("人");
        } else {
            String printed = change < 0 ? "减少" + (-change) + "人" : change > 0 ? "增加" + change + "人" : "持平";
            ledger.figure("personnel.statedChange", "与上年对比增减人数", BigDecimal.valueOf(change), "persons", printed,
                    changeStatus);
            s.append(printed);
        }
        List<String> outs = new ArrayList<>();
        List<String> ins = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (StaffDocument.Movement m : staff.movements() == null ? List.<StaffDocument.Movement>of()
                : staff.movements()) {
            if (m.count() == null || m.count() == 0) {
                continue;
            }
            var label = labels.movement(m.kind());
            String name = label.map(Labels.MovementLabel::name)
                    .orElseGet(() -> ledger.unknownCode("personnel.movements", "人员变动类型", m.kind()));
            String text = name + ledger.persons("personnel.movements." + m.kind(), name + "人数", m.count()) + "人";
            if (label.isEmpty()) {
                unknown.add(text);
            } else if (label.get().direction() == Labels.Direction.OUT) {
                outs.add(text);
            } else {
                ins.add(text);
            }
        }
        List<String> groups = new ArrayList<>();
        if (!outs.isEmpty()) {
            groups.add(String.join("，", outs));
        }
        if (!ins.isEmpty()) {
            groups.add(String.join("、", ins));
        }
        if (!unknown.isEmpty()) {
            groups.add(String.join("、", unknown));
        }
        if (!groups.isEmpty()) {
            s.append("，是因当年").append(self).append(String.join("，", groups));
        }
        s.append("。");
        return s.toString();
    }
}
