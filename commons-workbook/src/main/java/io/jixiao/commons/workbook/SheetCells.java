package io.jixiao.commons.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The cells of one sheet as read, raw: what each holds as the file stores it (the number's digits, not a display
 * format), and whether it is a formula. Only the rows and columns a template reads are kept, so a sheet padded with
 * a million rows costs nothing.
 */
public final class SheetCells {

    /** How a cell stores its value. */
    public enum Kind { NUMBER, TEXT, BOOLEAN, ERROR, DATE }

    /** A cell as stored. */
    public record RawCell(int row, int col, Kind kind, String text, boolean formula) {
    }

    private final String name;
    private final Map<Long, RawCell> cells = new HashMap<>();
    private final List<CellRangeAddress> merged = new ArrayList<>();
    private int lastRow = -1;
    private boolean rowsBeyond;

    SheetCells(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    void put(RawCell cell) {
        cells.put(key(cell.row(), cell.col()), cell);
        lastRow = Math.max(lastRow, cell.row());
    }

    void merged(CellRangeAddress range) {
        merged.add(range);
    }

    void rowsBeyond() {
        rowsBeyond = true;
    }

    /** The cell, or null when it is empty. */
    public RawCell get(int row, int col) {
        return cells.get(key(row, col));
    }

    /** The text of a cell, trimmed, or null when it holds nothing. */
    public String text(int row, int col) {
        RawCell cell = get(row, col);
        if (cell == null || cell.text() == null) {
            return null;
        }
        String text = cell.text().strip();
        return text.isEmpty() ? null : text;
    }

    public List<CellRangeAddress> mergedRegions() {
        return merged;
    }

    /** The last row holding anything (0-based), −1 for none. */
    public int lastRow() {
        return lastRow;
    }

    /** Whether the sheet has content below the rows that were read. */
    public boolean hasRowsBeyond() {
        return rowsBeyond;
    }

    private static long key(int row, int col) {
        return ((long) row << 16) | col;
    }
}
