package io.jixiao.report.export;

import io.jixiao.report.model.ReportModel.ReportFinding;
import io.jixiao.report.render.Printing;
import io.jixiao.report.service.YearFindings.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every finding of a year as finance takes it away (核对问题清单): one row per finding of every unit-year, with the
 * figures it names, the unit's explanation (情况说明) and whether it blocks submission. Amounts are in 万元, other
 * figures in their own unit (人, %, 分, 个), named in the 计量单位 column.
 */
public final class FindingsTable {

    public static final String XLSX = Sheets.XLSX;

    static final List<Sheets.Column> COLUMNS = List.of(new Sheets.Column("单位编码", 14),
            new Sheets.Column("单位名称", 30), new Sheets.Column("地区", 12), new Sheets.Column("预算年度", 9),
            new Sheets.Column("来源", 6), new Sheets.Column("规则", 28), new Sheets.Column("级别", 6),
            new Sheets.Column("规则内容", 36), new Sheets.Column("说明", 48), new Sheets.Column("涉及数字", 48),
            new Sheets.Column("应有值", 16), new Sheets.Column("填报值", 16), new Sheets.Column("差额（填报−应有）", 16),
            new Sheets.Column("计量单位", 8), new Sheets.Column("情况说明", 48), new Sheets.Column("阻止报送", 8));


    private FindingsTable() {
    }

    /** Writes the sheet; {@code rows} hands each finding to the consumer it is given. */
    public static void writeXlsx(int fiscalYear, String region, Consumer<Consumer<Row>> rows, OutputStream out)
            throws IOException {
        String title = fiscalYear + "年度核对问题清单" + (region == null ? "" : "（" + region + "）");
        Sheets.write("核对问题 " + fiscalYear, title, COLUMNS, sheet -> rows.accept(r -> {
            ReportFinding f = r.finding();
            var row = sheet.row();
            sheet.text(row, 0, r.unitCode());
            sheet.text(row, 1, r.unitName());
            sheet.text(row, 2, r.region());
            sheet.integer(row, 3, r.fiscalYear());
            sheet.text(row, 4, origin(f.origin()));
            sheet.text(row, 5, f.ruleId());
            sheet.text(row, 6, Printing.severityName(f.severity()));
            sheet.longText(row, 7, f.title());
            sheet.longText(row, 8, f.message());
            if (f.figures() != null && !f.figures().isEmpty()) {
                sheet.longText(row, 9, Printing.figuresText(f));
            }
            sheet.number(row, 10, inColumnUnit(f.expected(), f.unit()));
            sheet.number(row, 11, inColumnUnit(f.stated(), f.unit()));
            sheet.number(row, 12, inColumnUnit(f.difference(), f.unit()));
            if (f.expected() != null || f.stated() != null || f.difference() != null) {
                sheet.text(row, 13, unitName(f.unit()));
            }
            sheet.longText(row, 14, f.explanation());
            sheet.text(row, 15, f.blocking() ? "是" : "否");
        }), out);
    }

    /** Where a finding comes from: 预算, 人员, 资产, 评分 (or 报告 for the report's own). */
    static String origin(String origin) {
        if (origin == null) {
            return null;
        }
        return switch (origin) {
            case "budget" -> "预算";
            case "personnel" -> "人员";
            case "assets" -> "资产";
            case "scores" -> "评分";
            case "report" -> "报告";
            default -> origin;
        };
    }

    /** A figure as the sheet's columns state it: yuan as 万元, anything else in its own unit. */
    static BigDecimal inColumnUnit(BigDecimal value, String unit) {
        if (value == null) {
            return null;
        }
        return "yuan".equals(unit) ? value.movePointLeft(4) : value;
    }

    /** The unit of the 应有值, 填报值 and 差额 columns: 万元, 人, %, 分, 个. */
    static String unitName(String unit) {
        if (unit == null) {
            return null;
        }
        return switch (unit) {
            case "yuan" -> "万元";
            case "persons" -> "人";
            case "percent" -> "%";
            case "points" -> "分";
            case "count" -> "个";
            default -> unit;
        };
    }
}
