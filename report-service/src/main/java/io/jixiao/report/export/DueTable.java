package io.jixiao.report.export;

import io.jixiao.report.service.WorkflowViews.Due;
import io.jixiao.report.service.WorkflowViews.DueUnit;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The publications due (公开到期提醒) as finance takes them away: unpublished reports whose deadline (决算批复后20日内)
 * has passed or falls within the window, the most overdue first.
 */
public final class DueTable {

    public static final String XLSX = Sheets.XLSX;

    static final List<Sheets.Column> COLUMNS = List.of(new Sheets.Column("单位编码", 14),
            new Sheets.Column("单位名称", 30), new Sheets.Column("预算年度", 9), new Sheets.Column("状态", 8),
            new Sheets.Column("决算批复日期", 16), new Sheets.Column("公开截止日", 16), new Sheets.Column("剩余天数", 9),
            new Sheets.Column("是否逾期", 9));

    private DueTable() {
    }

    /** Writes the sheet; {@code rows} hands each publication due to the consumer it is given. */
    public static void writeXlsx(int withinDays, Consumer<Consumer<DueUnit>> rows, OutputStream out)
            throws IOException {
        Sheets.write("公开到期", "自评报告公开到期提醒（已逾期及" + withinDays + "日内到期）", COLUMNS, sheet -> rows.accept(u -> {
            Due d = u.due();
            var row = sheet.row();
            sheet.text(row, 0, d.unitCode());
            sheet.text(row, 1, u.unitName());
            sheet.integer(row, 2, d.fiscalYear());
            sheet.text(row, 3, d.status().chinese());
            sheet.date(row, 4, d.approvalDate());
            sheet.date(row, 5, d.publicationDue());
            sheet.integer(row, 6, d.daysLeft());
            sheet.text(row, 7, d.overdue() ? "是" : "否");
        }), out);
    }
}
