package io.jixiao.commons.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes documents into one workbook: each document's sheets as its {@link Template} lays them out, with its
 * figures (or empty, as a template to fill in), then a 填报说明 sheet explaining every field with the OpenAPI
 * document's words, and a very hidden sheet stamping each template's kind and version. Value cells are the only
 * unlocked ones; the sheets and the workbook's structure are protected (without a password: the protection keeps
 * the layout from being broken by accident, not a secret). Lists, numbers and dates are checked by Excel's data
 * validation while the unit types, and totals are formulas beside the values.
 */
public final class WorkbookWriter {

    /** The very hidden sheet that says which templates a workbook holds. */
    public static final String STAMP_SHEET = "_template";
    /** What the stamp sheet's first cell says, to tell our workbooks from others. */
    public static final String STAMP = "jixiao-workbook";
    public static final String GUIDE_SHEET = "填报说明";
    /** The stamp cell holds at most this much of a template's layout; longer layouts continue in the next cells. */
    private static final int CHUNK = 30_000;
    private static final double MAX_NUMBER = 1e15;

    /** A document to write: its template and its figures (null for an empty template). */
    public record Filled(Template template, JsonNode document) {
    }

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final Map<FieldType, CellStyle> valueStyles = new EnumMap<>(FieldType.class);
    private final CellStyle label;
    private final CellStyle heading;
    private final CellStyle header;
    private final CellStyle muted;
    private final CellStyle total;
    private final CellStyle wrap;

    private WorkbookWriter() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        label = workbook.createCellStyle();
        heading = workbook.createCellStyle();
        heading.setFont(bold);
        heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header = workbook.createCellStyle();
        header.cloneStyleFrom(heading);
        header.setWrapText(true);
        header.setBorderBottom(BorderStyle.THIN);
        Font grey = workbook.createFont();
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        muted = workbook.createCellStyle();
        muted.setFont(grey);
        total = workbook.createCellStyle();
        total.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        total.setFont(bold);
        wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        for (FieldType type : FieldType.values()) {
            CellStyle style = workbook.createCellStyle();
            style.setLocked(false);
            style.setDataFormat(workbook.createDataFormat().getFormat(format(type)));
            style.setBorderBottom(BorderStyle.HAIR);
            style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            if (type == FieldType.TEXT || type == FieldType.TEXT_LIST) {
                style.setWrapText(true);
            }
            valueStyles.put(type, style);
        }
    }

    /** Writes the documents, their 填报说明 and their stamp, as one workbook. */
    public static void write(List<Filled> documents, OutputStream out) throws IOException {
        WorkbookWriter writer = new WorkbookWriter();
        try (XSSFWorkbook workbook = writer.workbook) {
            for (Filled filled : documents) {
                for (SheetLayout sheet : filled.template().sheets()) {
                    if (sheet.shape() == SheetLayout.Shape.FORM) {
                        writer.form(sheet, filled.document());
                    } else {
                        writer.table(sheet, filled.document());
                    }
                }
            }
            writer.guide(documents);
            writer.stamp(documents);
            workbook.lockStructure();
            workbook.setActiveSheet(0);
            workbook.write(out);
        }
    }

    private void form(SheetLayout layout, JsonNode document) {
        XSSFSheet sheet = workbook.createSheet(layout.name());
        text(sheet.createRow(Grid.TITLE_ROW), 0, layout.title(), heading);
        Row head = sheet.createRow(Grid.HEADER_ROW);
        String[] headers = {"项目", "填报值", "单位", "必填", layout.totals().isEmpty() ? "" : "按公式计算", "字段"};
        for (int i = 0; i < headers.length; i++) {
            text(head, i, headers[i], header);
        }
        Map<String, Integer> rows = new java.util.HashMap<>();
        for (int i = 0; i < layout.fields().size(); i++) {
            Field field = layout.fields().get(i);
            int r = Grid.FIRST_ROW + i;
            rows.put(field.path(), r);
            Row row = sheet.createRow(r);
            CellStyle style = field.type() == FieldType.HEADING ? heading : label;
            Cell name = text(row, Grid.LABEL_COL, field.label(), style);
            if (field.depth() > 0) {
                CellStyle indented = workbook.createCellStyle();
                indented.cloneStyleFrom(style);
                indented.setIndention((short) (field.depth() * 2));
                name.setCellStyle(indented);
            }
            text(row, Grid.PATH_COL, field.path(), muted);
            if (field.type() == FieldType.HEADING) {
                continue;
            }
            text(row, Grid.UNIT_COL, field.unit() == null ? "" : field.unit(), label);
            text(row, Grid.REQUIRED_COL, field.required() ? "必填" : "", muted);
            value(row.createCell(Grid.VALUE_COL), field, at(document, field.path()));
            validate(sheet, field, r, r, Grid.VALUE_COL);
        }
        for (SheetLayout.Total sum : layout.totals()) {
            StringBuilder formula = new StringBuilder();
            for (String term : sum.terms()) {
                String path = term.replaceFirst("^[+-]", "");
                formula.append(term.startsWith("-") ? "-" : "+").append(Grid.column(Grid.VALUE_COL))
                        .append(rows.get(path) + 1);
            }
            Cell cell = sheet.getRow(rows.get(sum.path())).createCell(Grid.TOTAL_COL);
            cell.setCellFormula(formula.charAt(0) == '+' ? formula.substring(1) : formula.toString());
            cell.setCellStyle(total);
        }
        sheet.setColumnWidth(Grid.LABEL_COL, 44 * 256);
        sheet.setColumnWidth(Grid.VALUE_COL, 24 * 256);
        sheet.setColumnWidth(Grid.UNIT_COL, 6 * 256);
        sheet.setColumnWidth(Grid.REQUIRED_COL, 6 * 256);
        sheet.setColumnWidth(Grid.TOTAL_COL, 16 * 256);
        sheet.setColumnWidth(Grid.PATH_COL, 36 * 256);
        sheet.createFreezePane(0, Grid.FIRST_ROW);
        protect(sheet, false);
    }

    private void table(SheetLayout layout, JsonNode document) {
        XSSFSheet sheet = workbook.createSheet(layout.name());
        int first = Grid.firstFieldColumn(layout);
        Row head = sheet.createRow(Grid.HEADER_ROW);
        text(head, Grid.NUMBER_COL, Grid.NUMBER_HEADER, header);
        if (layout.parentSheet() != null) {
            text(head, Grid.PARENT_COL, Grid.PARENT_HEADER, header);
        }
        List<Field> fields = layout.fields();
        for (int c = 0; c < fields.size(); c++) {
            text(head, first + c, fields.get(c).header() + (fields.get(c).required() ? " *" : ""), header);
        }
        int r = Grid.FIRST_ROW;
        for (Numbered element : elements(layout, document)) {
            Row row = sheet.createRow(r++);
            number(row.createCell(Grid.NUMBER_COL), element.number());
            if (layout.parentSheet() != null) {
                number(row.createCell(Grid.PARENT_COL), element.parent());
            }
            for (int c = 0; c < fields.size(); c++) {
                Field field = fields.get(c);
                value(row.createCell(first + c), field, field.path().isEmpty() ? element.node()
                        : at(element.node(), field.path()));
            }
        }
        int last = Grid.FIRST_ROW + layout.maxRows() - 1;
        Row title = sheet.createRow(Grid.TITLE_ROW);
        text(title, 0, layout.title(), heading);
        validateWhole(sheet, Grid.NUMBER_COL, last);
        sheet.setDefaultColumnStyle(Grid.NUMBER_COL, valueStyles.get(FieldType.INTEGER));
        sheet.setColumnWidth(Grid.NUMBER_COL, 7 * 256);
        if (layout.parentSheet() != null) {
            validateWhole(sheet, Grid.PARENT_COL, last);
            sheet.setDefaultColumnStyle(Grid.PARENT_COL, valueStyles.get(FieldType.INTEGER));
            sheet.setColumnWidth(Grid.PARENT_COL, 9 * 256);
        }
        for (int c = 0; c < fields.size(); c++) {
            Field field = fields.get(c);
            int col = first + c;
            validate(sheet, field, Grid.FIRST_ROW, last, col);
            sheet.setDefaultColumnStyle(col, valueStyles.get(field.type()));
            sheet.setColumnWidth(col, width(field) * 256);
            if (field.type() == FieldType.MONEY) {
                Cell sum = title.createCell(col);
                String column = Grid.column(col);
                sum.setCellFormula("SUM(" + column + (Grid.FIRST_ROW + 1) + ":" + column + (last + 1) + ")");
                sum.setCellStyle(total);
            }
        }
        sheet.createFreezePane(0, Grid.FIRST_ROW);
        protect(sheet, true);
    }

    /** A table's rows: the list's elements, numbered, under the element of the parent list they belong to. */
    private record Numbered(JsonNode node, int number, Integer parent) {
    }

    private final Map<String, IdentityHashMap<JsonNode, Integer>> numbers = new java.util.HashMap<>();

    private List<Numbered> elements(SheetLayout layout, JsonNode document) {
        List<Numbered> out = new ArrayList<>();
        IdentityHashMap<JsonNode, Integer> mine = new IdentityHashMap<>();
        numbers.put(layout.name(), mine);
        if (document == null) {
            return out;
        }
        String path = layout.path();
        int split = path.lastIndexOf("[].");
        if (split < 0) {
            JsonNode list = at(document, path);
            for (JsonNode element : iterable(list)) {
                out.add(new Numbered(element, out.size() + 1, null));
                mine.put(element, out.size());
            }
            return out;
        }
        String child = path.substring(split + 3);
        List<Map.Entry<JsonNode, Integer>> parents = new ArrayList<>(
                numbers.getOrDefault(layout.parentSheet(), new IdentityHashMap<>()).entrySet());
        parents.sort(Map.Entry.comparingByValue());
        for (Map.Entry<JsonNode, Integer> parent : parents) {
            for (JsonNode element : iterable(at(parent.getKey(), child))) {
                out.add(new Numbered(element, out.size() + 1, parent.getValue()));
                mine.put(element, out.size());
            }
        }
        return out;
    }

    private static Iterable<JsonNode> iterable(JsonNode list) {
        return list != null && list.isArray() ? list : List.of();
    }

    private void value(Cell cell, Field field, JsonNode value) {
        cell.setCellStyle(valueStyles.get(field.type()));
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        switch (field.type()) {
            case MONEY, PERCENT, DECIMAL, INTEGER -> cell.setCellValue(value.decimalValue().doubleValue());
            case BOOLEAN -> cell.setCellValue(value.asBoolean() ? "是" : "否");
            case DATE -> cell.setCellValue(LocalDate.parse(value.asText()));
            case CHOICE -> cell.setCellValue(field.options().stream().filter(o -> o.code().equals(value.asText()))
                    .map(Field.Option::label).findFirst().orElse(value.asText()));
            case TEXT_LIST -> {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                cell.setCellValue(String.join("\n", items));
            }
            default -> cell.setCellValue(value.isTextual() ? value.asText() : value.toString());
        }
    }

    private void number(Cell cell, Integer number) {
        cell.setCellStyle(valueStyles.get(FieldType.INTEGER));
        if (number != null) {
            cell.setCellValue(number);
        }
    }

    private void validate(XSSFSheet sheet, Field field, int firstRow, int lastRow, int col) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint;
        String error;
        switch (field.type()) {
            case MONEY -> {
                constraint = helper.createDecimalConstraint(OperatorType.BETWEEN, String.valueOf(-MAX_NUMBER),
                        String.valueOf(MAX_NUMBER));
                error = "请填写金额（元，最多两位小数）";
            }
            case PERCENT, DECIMAL -> {
                constraint = helper.createDecimalConstraint(OperatorType.BETWEEN, String.valueOf(-MAX_NUMBER),
                        String.valueOf(MAX_NUMBER));
                error = "请填写数字" + (field.unit() == null ? "" : "（" + field.unit() + "）");
            }
            case INTEGER -> {
                constraint = helper.createIntegerConstraint(OperatorType.BETWEEN, "-1000000000", "1000000000");
                error = "请填写整数";
            }
            case DATE -> {
                constraint = helper.createDateConstraint(OperatorType.BETWEEN, "DATE(1990,1,1)", "DATE(2100,12,31)",
                        "yyyy-mm-dd");
                error = "请填写日期，如 2024-12-31";
            }
            case BOOLEAN -> {
                constraint = helper.createExplicitListConstraint(new String[] {"是", "否"});
                error = "请选择“是”或“否”";
            }
            case CHOICE -> {
                String[] labels = field.options().stream().map(Field.Option::label).toArray(String[]::new);
                if (String.join(",", labels).length() > 250 || String.join("", labels).contains(",")) {
                    return;
                }
                constraint = helper.createExplicitListConstraint(labels);
                error = "请从列表中选择";
            }
            default -> {
                return;
            }
        }
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(firstRow, lastRow, col, col));
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.setShowErrorBox(true);
        validation.createErrorBox(field.label(), error);
        validation.setShowPromptBox(true);
        validation.createPromptBox(truncate(field.label(), 32), truncate(field.description(), 250));
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private void validateWhole(XSSFSheet sheet, int col, int lastRow) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidation validation = helper.createValidation(
                helper.createIntegerConstraint(OperatorType.BETWEEN, "1", "1000000"),
                new CellRangeAddressList(Grid.FIRST_ROW, lastRow, col, col));
        validation.setShowErrorBox(true);
        validation.createErrorBox("序号", "请填写正整数");
        sheet.addValidationData(validation);
    }

    private void guide(List<Filled> documents) {
        XSSFSheet sheet = workbook.createSheet(GUIDE_SHEET);
        int r = 0;
        text(sheet.createRow(r++), 0, "填报说明", heading);
        String[] notes = {
            "只在黄色单元格中填写；其他单元格受保护（无密码），表格结构不可增删工作表。",
            "金额单位为元，最多两位小数；百分比填数字，如 96.04 表示 96.04%。未填写的数字表示未说明，不按零计。",
            "列表工作表（如项目支出明细）每行一项，可增加行；“序号”标识一行，“所属序号”指明它属于上一级表格的哪一行。",
            "同一单元格中的多项（如简称、机构名称）每项一行，用 Alt+Enter 换行。",
            "上传时逐项核验：格式不符的单元格会以“工作表!单元格”指出，整份工作簿不会部分存入。"};
        for (String note : notes) {
            text(sheet.createRow(r++), 0, note, label);
        }
        r++;
        Row head = sheet.createRow(r++);
        String[] headers = {"工作表", "位置", "项目", "单位", "类型", "必填", "说明", "字段"};
        for (int i = 0; i < headers.length; i++) {
            text(head, i, headers[i], header);
        }
        for (Filled filled : documents) {
            Row doc = sheet.createRow(r++);
            text(doc, 0, filled.template().title(), heading);
            text(doc, 6, filled.template().description(), wrap);
            for (SheetLayout layout : filled.template().sheets()) {
                List<Field> fields = layout.fields();
                for (int i = 0; i < fields.size(); i++) {
                    Field field = fields.get(i);
                    if (field.type() == FieldType.HEADING) {
                        continue;
                    }
                    Row row = sheet.createRow(r++);
                    boolean form = layout.shape() == SheetLayout.Shape.FORM;
                    String where = form ? Grid.column(Grid.VALUE_COL) + (Grid.FIRST_ROW + i + 1)
                            : Grid.column(Grid.firstFieldColumn(layout) + i) + "列";
                    text(row, 0, layout.name(), label);
                    text(row, 1, where, label);
                    text(row, 2, field.header(), label);
                    text(row, 3, field.unit() == null ? "" : field.unit(), label);
                    text(row, 4, typeName(field), label);
                    text(row, 5, field.required() ? "必填" : "", label);
                    text(row, 6, field.description(), wrap);
                    text(row, 7, field.path(), muted);
                }
            }
        }
        sheet.setColumnWidth(0, 22 * 256);
        sheet.setColumnWidth(1, 8 * 256);
        sheet.setColumnWidth(2, 30 * 256);
        sheet.setColumnWidth(4, 10 * 256);
        sheet.setColumnWidth(6, 80 * 256);
        sheet.setColumnWidth(7, 30 * 256);
        protect(sheet, false);
    }

    private void stamp(List<Filled> documents) {
        XSSFSheet sheet = workbook.createSheet(STAMP_SHEET);
        Row first = sheet.createRow(0);
        first.createCell(0).setCellValue(STAMP);
        first.createCell(1).setCellValue(1);
        ObjectMapper mapper = new ObjectMapper();
        int r = 1;
        for (Filled filled : documents) {
            Row row = sheet.createRow(r++);
            Template template = filled.template();
            row.createCell(0).setCellValue(template.kind());
            row.createCell(1).setCellValue(template.version());
            String layout;
            try {
                layout = mapper.writeValueAsString(template);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            for (int i = 0, c = 2; i < layout.length(); i += CHUNK, c++) {
                row.createCell(c).setCellValue(layout.substring(i, Math.min(layout.length(), i + CHUNK)));
            }
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
        protect(sheet, false);
    }

    private static void protect(XSSFSheet sheet, boolean rowsMayChange) {
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatColumns(false);
        if (rowsMayChange) {
            sheet.lockInsertRows(false);
            sheet.lockDeleteRows(false);
            sheet.lockSort(false);
            sheet.lockAutoFilter(false);
        }
    }

    private static Cell text(Row row, int col, String text, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(text);
        cell.setCellStyle(style);
        return cell;
    }

    private static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
        }
        return current;
    }

    private static String format(FieldType type) {
        return switch (type) {
            case MONEY -> "#,##0.00";
            // 96.04 shows as 96.04%: a percentage typed with its sign (Excel stores 0.9604) shows as 0.96%, visibly wrong
            case PERCENT -> "0.00\"%\"";
            case INTEGER -> "0";
            case DATE -> "yyyy-mm-dd";
            case DECIMAL -> "General";
            default -> "@";
        };
    }

    private static int width(Field field) {
        return switch (field.type()) {
            case TEXT, TEXT_LIST -> field.description().contains("说明") || field.label().contains("名称") ? 36 : 24;
            case MONEY -> 18;
            case DATE -> 12;
            default -> Math.max(10, Math.min(24, field.header().length() * 2 + 2));
        };
    }

    static String typeName(Field field) {
        return switch (field.type()) {
            case MONEY -> "金额";
            case PERCENT -> "百分比数字";
            case DECIMAL -> "数字";
            case INTEGER -> "整数";
            case DATE -> "日期";
            case BOOLEAN -> "是/否";
            case CHOICE -> "选择：" + String.join("、", field.options().stream().map(Field.Option::label).toList());
            case TEXT_LIST -> "文字（每项一行）";
            default -> "文字";
        };
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
