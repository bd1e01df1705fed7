package io.jixiao.assessment.export;

import io.jixiao.assessment.service.IndicatorMatrix.Column;
import io.jixiao.assessment.service.IndicatorMatrix.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The indicator matrix as finance takes it away: an XLSX sheet written a few hundred rows at a time (SXSSF), the
 * header frozen, scores and coverage as numbers with two decimals, 待补充 where a result has no grade yet.
 */
public final class IndicatorMatrixTable {

    private IndicatorMatrixTable() {
    }

    /** Writes the sheet; {@code rows} hands each row to the consumer it is given. */
    public static void writeXlsx(String sheetName, List<Column> columns, Consumer<Consumer<Row>> rows,
            OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet sheet = book.createSheet(sheetName);
            CellStyle number = book.createCellStyle();
            number.setDataFormat(book.createDataFormat().getFormat("0.00"));
            List<String> header = new ArrayList<>(List.of("单位代码", "地区", "级次", "评分状态", "覆盖率（%）", "计算总分",
                    "等级"));
            columns.forEach(c -> header.add(c.code() + " " + c.name()));
            var head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            sheet.createFreezePane(1, 1);
            int[] next = {1};
            rows.accept(r -> {
                var row = sheet.createRow(next[0]++);
                row.createCell(0).setCellValue(r.unitCode());
                text(row, 1, r.region());
                text(row, 2, r.level());
                text(row, 3, RankingTable.incomplete(r.status()) ? RankingTable.INCOMPLETE : "已评分");
                number(row, 4, r.coveragePercent(), number);
                number(row, 5, r.total(), number);
                text(row, 6, RankingTable.grade(r.grade(), r.status()));
                for (int c = 0; c < columns.size(); c++) {
                    number(row, 7 + c, r.scores().get(columns.get(c).code()), number);
                }
            });
            try {
                book.write(out);
            } finally {
                book.dispose();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void text(org.apache.poi.ss.usermodel.Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void number(org.apache.poi.ss.usermodel.Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column);
            cell.setCellValue(value.doubleValue()); // a spreadsheet cell is a double
            cell.setCellStyle(style);
        }
    }
}
