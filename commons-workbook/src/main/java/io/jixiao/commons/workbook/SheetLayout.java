package io.jixiao.commons.workbook;

import java.util.List;

/**
 * One sheet of a document's workbook. A {@link Shape#FORM} sheet lists the document's single figures one per row
 * (label, value, unit); a {@link Shape#TABLE} sheet holds one list of the document, one element per row, under a
 * header. A list inside a list element (the 其中 of a staff category) is a table of its own whose rows name the
 * row of the list they belong to by its 序号.
 *
 * @param name        the sheet's name, e.g. 预算 or 预算·项目支出明细
 * @param shape       form or table
 * @param path        for a table, the list's path: {@code projects}, {@code declared.scores}, or
 *                    {@code categories[].including} for a list inside another list's elements; null for a form
 * @param parentSheet for a list inside another list's elements, the sheet of that list; else null
 * @param title       what the sheet holds, in words
 * @param fields      the rows of a form (headings among them) or the columns of a table
 * @param maxRows     at most this many rows of data
 * @param totals      for a form, sums the sheet computes while the unit types: a field and its signed terms
 */
public record SheetLayout(String name, Shape shape, String path, String parentSheet, String title,
        List<Field> fields, int maxRows, List<Total> totals) {

    public enum Shape { FORM, TABLE }

    /** A total and the fields that add up to it ({@code -} before a path subtracts it). */
    public record Total(String path, List<String> terms) {
    }

    public SheetLayout {
        fields = List.copyOf(fields);
        totals = totals == null ? List.of() : List.copyOf(totals);
    }

    /** The fields that hold values (a form's headings hold none). */
    public List<Field> valueFields() {
        return fields.stream().filter(f -> f.type() != FieldType.HEADING).toList();
    }
}
