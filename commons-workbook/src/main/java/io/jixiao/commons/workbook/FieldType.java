package io.jixiao.commons.workbook;

/** What a cell holds, which decides its format, its data validation and how it is read back. */
public enum FieldType {
    /** A group of fields in a form sheet (预算收入, 人员经费 …): a label row, no value. */
    HEADING,
    TEXT,
    /** Several short texts in one cell, one per line (Alt+Enter). */
    TEXT_LIST,
    /** Yuan with at most two decimals (元). */
    MONEY,
    /** A percentage as a number: 96.04 means 96.04 %. */
    PERCENT,
    DECIMAL,
    INTEGER,
    DATE,
    /** 是 / 否. */
    BOOLEAN,
    /** One of a fixed list; the cell shows the Chinese label, the document holds the code. */
    CHOICE;

    /** Whether the cell holds a number. */
    public boolean numeric() {
        return this == MONEY || this == PERCENT || this == DECIMAL || this == INTEGER;
    }
}
