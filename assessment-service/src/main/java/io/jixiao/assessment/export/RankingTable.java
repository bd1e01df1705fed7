package io.jixiao.assessment.export;

import io.jixiao.assessment.api.ScoreSnapshot;
import io.jixiao.assessment.service.Rankings.Ranked;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A ranking as the table finance takes away: CSV (UTF-8 with a BOM, so that Excel reads the Chinese headers, and
 * cells that a spreadsheet would take for a formula quoted) or XLSX, streamed a few rows at a time.
 */
public final class RankingTable {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] COLUMNS = {"名次", "单位代码", "年度", "地区", "级次", "覆盖率（%）", "计算总分", "等级", "自评总分",
        "错误类问题数", "预警", "指标体系", "指标得分"};

    /** How a table names a result below its coverage threshold. */
    static final String INCOMPLETE = "待补充";

    private RankingTable() {
    }

    static boolean incomplete(String status) {
        return ScoreSnapshot.Status.INCOMPLETE.name().equals(status);
    }

    /** The grade as a table shows it: 待补充 where the result has none for want of evidence. */
    static String grade(String grade, String status) {
        return grade != null ? grade : incomplete(status) ? INCOMPLETE : null;
    }

    public static void writeXlsx(List<Ranked> ranking, String sheetName, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.length; c++) {
                header.createCell(c).setCellValue(COLUMNS[c]);
            }
            int r = 1;
            for (Ranked x : ranking) {
                Row row = sheet.createRow(r++);
                Object[] values = values(x);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof BigDecimal d) {
                        row.createCell(c).setCellValue(d.doubleValue()); // a spreadsheet cell is a double
                    } else if (values[c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (values[c] != null) {
                        row.createCell(c).setCellValue(values[c].toString());
                    }
                }
            }
            book.write(out);
        }
    }

    public static void writeCsv(List<Ranked> ranking, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(String.join(",", COLUMNS) + "\r\n");
        for (Ranked x : ranking) {
            StringBuilder line = new StringBuilder();
            for (Object v : values(x)) {
                if (line.length() > 0) {
                    line.append(',');
                }
                line.append(csvCell(v));
            }
            w.write(line + "\r\n");
        }
        w.flush();
    }

    private static Object[] values(Ranked x) {
        return new Object[] {x.rank(), x.unitCode(), x.fiscalYear(), x.region(), x.level(), x.coveragePercent(), x.total(),
            grade(x.grade(), x.status()),
            x.declaredTotal(), x.errorFindings(), x.warningLevel(), x.frameworkId(), x.indicatorScore()};
    }

    private static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.startsWith("=") || s.startsWith("+")
                || s.startsWith("-") && !(v instanceof Number) || s.startsWith("@")) {
            return "\"" + (s.startsWith("=") || s.startsWith("+") || s.startsWith("@") ? "'" : "")
                    + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
