package io.jixiao.commons.workbook;

/**
 * What is wrong with a workbook, and where.
 *
 * @param cell    the sheet and cell, e.g. {@code 预算!B7}, or just the sheet, or null for the file as a whole
 * @param field   the document field the cell holds, e.g. {@code revenue.carryover}, or null
 * @param message what is wrong, e.g. 不是金额
 */
public record CellError(String cell, String field, String message) {
}
