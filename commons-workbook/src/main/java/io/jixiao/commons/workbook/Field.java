package io.jixiao.commons.workbook;

import java.util.List;

/**
 * One field of a sheet: a row of a form sheet or a column of a table sheet.
 *
 * @param path        where the value sits in the document (form) or in a list element (table), dotted:
 *                    {@code revenue.allocatedTotal}, {@code amount}
 * @param label       the header as the forms word it, e.g. 财政下达资金指标
 * @param unit        元, %, 人 … or null
 * @param type        what the cell holds
 * @param required    whether the document needs it (必填)
 * @param options     for {@link FieldType#CHOICE}: code and label of each choice
 * @param description the field's description, as in the OpenAPI document
 * @param scale       decimals a number may have, or null
 * @param depth       nesting level in a form sheet, for indentation
 */
public record Field(String path, String label, String unit, FieldType type, boolean required, List<Option> options,
        String description, Integer scale, int depth) {

    /** A choice: the code the document holds and the label the cell shows. */
    public record Option(String code, String label) {
    }

    public Field {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The header with its unit, e.g. 财政下达资金指标（元）. */
    public String header() {
        return unit == null ? label : label + "（" + unit + "）";
    }
}
