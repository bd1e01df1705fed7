package io.jixiao.commons.workbook;

import org.apache.poi.ss.util.CellReference;

/**
 * Where things are on a sheet, for the writer and the reader alike. A form: title in row 1, header in row 2, one
 * field per row from row 3 with its label in A, its value in B, unit in C, 必填 in D, the computed total in E and the
 * document path in F. A table: title and column totals in row 1, header in row 2, data from row 3; column A is the
 * row's 序号, then (for a list inside another list's elements) B the 所属序号, then the fields.
 */
final class Grid {

    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;
    static final int FIRST_ROW = 2;

    static final int LABEL_COL = 0;
    static final int VALUE_COL = 1;
    static final int UNIT_COL = 2;
    static final int REQUIRED_COL = 3;
    static final int TOTAL_COL = 4;
    static final int PATH_COL = 5;

    static final int NUMBER_COL = 0;
    static final int PARENT_COL = 1;

    static final String NUMBER_HEADER = "序号";
    static final String PARENT_HEADER = "所属序号";

    private Grid() {
    }

    /** The first column of a table's fields. */
    static int firstFieldColumn(SheetLayout sheet) {
        return sheet.parentSheet() == null ? 1 : 2;
    }

    /** A cell's address as Excel shows it, with its sheet: {@code 预算!B7}. */
    static String address(String sheet, int row, int col) {
        return sheet + "!" + new CellReference(row, col).formatAsString(false);
    }

    static String column(int col) {
        return CellReference.convertNumToColString(col);
    }
}
