package io.jixiao.report.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One sheet of finance's exports, written a few hundred rows at a time (SXSSF, temporary files compressed) as a
 * Chinese finance office expects it: a bold header row, frozen and repeated on every printed page, A4 landscape with
 * page numbers, amounts with thousands separators and two decimals, dates as 2025年6月30日.
 */
final class Sheets {

    /** The OOXML spreadsheet media type. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept in memory while writing; older ones are flushed to a temporary file. */
    private static final int WINDOW = 200;

    /** A column: its header and its width in characters. */
    record Column(String header, int width) {
    }

    /** The sheet being written: where the next row goes, and its cell styles. */
    static final class Writer {

        private final Sheet sheet;
        private final CellStyle number;
        private final CellStyle integer;
        private final CellStyle date;
        private final CellStyle wrapped;
        private int next = 1;

        private Writer(SXSSFWorkbook book, Sheet sheet) {
            this.sheet = sheet;
            var format = book.createDataFormat();
            number = book.createCellStyle();
            number.setDataFormat(format.getFormat("#,##0.00"));
            integer = book.createCellStyle();
            integer.setDataFormat(format.getFormat("0"));
            date = book.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy\"年\"m\"月\"d\"日\""));
            date.setAlignment(HorizontalAlignment.RIGHT);
            wrapped = book.createCellStyle();
            wrapped.setWrapText(true);
        }

        Row row() {
            return sheet.createRow(next++);
        }

        void text(Row row, int column, String value) {
            if (value != null) {
                row.createCell(column).setCellValue(value);
            }
        }

        /** Long text (a message, an explanation): wrapped in its column. */
        void longText(Row row, int column, String value) {
            if (value != null) {
                var cell = row.createCell(column);
                cell.setCellValue(value);
                cell.setCellStyle(wrapped);
            }
        }

        void number(Row row, int column, BigDecimal value) {
            if (value != null) {
                var cell = row.createCell(column);
                cell.setCellValue(value.doubleValue()); // a spreadsheet cell is a double
                cell.setCellStyle(number);
            }
        }

        void integer(Row row, int column, long value) {
            var cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(integer);
        }

        void date(Row row, int column, LocalDate value) {
            if (value != null) {
                var cell = row.createCell(column);
                cell.setCellValue(value);
                cell.setCellStyle(date);
            }
        }
    }

    private Sheets() {
    }

    /**
     * Writes a one-sheet workbook: the header, then whatever {@code rows} writes through the writer it is given, then
     * the whole to {@code out}.
     */
    static void write(String sheetName, String printTitle, List<Column> columns, Consumer<Writer> rows,
            OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW)) {
            book.setCompressTempFiles(true);
            try {
                Sheet sheet = book.createSheet(sheetName);
                CellStyle head = book.createCellStyle();
                Font bold = book.createFont();
                bold.setBold(true);
                head.setFont(bold);
                head.setAlignment(HorizontalAlignment.CENTER);
                Row header = sheet.createRow(0);
                for (int c = 0; c < columns.size(); c++) {
                    var cell = header.createCell(c);
                    cell.setCellValue(columns.get(c).header());
                    cell.setCellStyle(head);
                    sheet.setColumnWidth(c, columns.get(c).width() * 256);
                }
                sheet.createFreezePane(0, 1);
                sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
                PrintSetup print = sheet.getPrintSetup();
                print.setPaperSize(PrintSetup.A4_PAPERSIZE);
                print.setLandscape(true);
                sheet.setFitToPage(true);
                print.setFitWidth((short) 1);
                print.setFitHeight((short) 0);
                sheet.getHeader().setCenter(printTitle);
                sheet.getFooter().setCenter("第 &P 页，共 &N 页"); // &P the page, &N the number of pages
                rows.accept(new Writer(book, sheet));
                book.write(out);
            } finally {
                book.dispose();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
