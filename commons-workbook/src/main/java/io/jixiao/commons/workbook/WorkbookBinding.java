package io.jixiao.commons.workbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Turns a template's sheets, as read, back into the document's JSON, remembering which cell each value came from so
 * that anything the document's own validation finds wrong later can be pointed at its cell. What a cell cannot be
 * (text where an amount goes, a formula where a value goes, a merged range over the data, a choice not on the list)
 * is collected for every cell before anything else happens; an empty cell is a figure not stated (null), never zero.
 */
public final class WorkbookBinding {

    /** Excel keeps 15 significant digits; what lies beyond them is binary noise, not a figure. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    /** A document read from a workbook, with the cell of each path ({@code projects[2].budget → 预算·项目支出明细!E5}). */
    public record Bound(ObjectNode document, Map<String, String> cells) {

        /** The cell of a document path, or of the nearest enclosing path that has one. */
        public Optional<String> cellOf(String path) {
            String p = path;
            while (p != null && !p.isEmpty()) {
                String cell = cells.get(p);
                if (cell != null) {
                    return Optional.of(cell);
                }
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut <= 0 ? null : p.substring(0, cut);
            }
            return Optional.empty();
        }
    }

    private final List<CellError> errors = new ArrayList<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    /** Per table sheet: the element of each 序号, for the rows of lists inside it. */
    private final Map<String, Map<Integer, ObjectNode>> numbered = new HashMap<>();
    private final Map<String, Map<Integer, String>> numberedPaths = new HashMap<>();

    private WorkbookBinding() {
    }

    /** How many rows and columns of each sheet a template reads (one row beyond a table's capacity, to see it). */
    public static Map<String, int[]> bounds(Template template) {
        Map<String, int[]> bounds = new LinkedHashMap<>();
        for (SheetLayout sheet : template.sheets()) {
            if (sheet.shape() == SheetLayout.Shape.FORM) {
                bounds.put(sheet.name(), new int[] {Grid.FIRST_ROW + sheet.fields().size(), Grid.PATH_COL + 1});
            } else {
                bounds.put(sheet.name(), new int[] {Grid.FIRST_ROW + sheet.maxRows() + 1,
                        Grid.firstFieldColumn(sheet) + sheet.fields().size()});
            }
        }
        return bounds;
    }

    /**
     * Checks that a workbook holds this template, in this version, and reads its document; every cell that is wrong
     * is named at once.
     */
    public static Bound read(WorkbookReader reader, Template template) {
        WorkbookReader.Stamp stamp = reader.stamps().stream().filter(s -> s.kind().equals(template.kind()))
                .findFirst().orElse(null);
        if (reader.stamps().isEmpty()) {
            throw new WorkbookRejected(WorkbookRejected.Reason.UNREADABLE, "不是本平台的填报模板：缺少模板标识（隐藏工作表 "
                    + WorkbookWriter.STAMP_SHEET + "），请先下载模板 (not a template of this platform)",
                    List.of(new CellError(WorkbookWriter.STAMP_SHEET, null, "缺少模板标识 (no template stamp)")));
        }
        if (stamp == null) {
            throw new WorkbookRejected(WorkbookRejected.Reason.INVALID, "工作簿中没有“" + template.title()
                    + "”模板 (the workbook holds no " + template.kind() + " template)",
                    List.of(new CellError(WorkbookWriter.STAMP_SHEET, null, "模板类型不符：需要 " + template.kind()
                            + "，工作簿中为 " + reader.stamps().stream().map(WorkbookReader.Stamp::kind).toList())));
        }
        if (!template.version().equals(stamp.version())) {
            throw new WorkbookRejected(WorkbookRejected.Reason.INVALID, "模板版本不符，请重新下载模板 (the template's version is "
                    + stamp.version() + ", the current one is " + template.version() + ")",
                    List.of(new CellError(WorkbookWriter.STAMP_SHEET + "!B", null, "模板版本 " + stamp.version()
                            + " 已过期，当前版本为 " + template.version())));
        }
        List<CellError> missing = new ArrayList<>();
        for (SheetLayout sheet : template.sheets()) {
            if (!reader.sheetNames().contains(sheet.name())) {
                missing.add(new CellError(sheet.name(), null, "缺少工作表 (the sheet is missing)"));
            }
        }
        if (!missing.isEmpty()) {
            throw new WorkbookRejected(WorkbookRejected.Reason.INVALID, "工作簿缺少工作表 (sheets are missing)", missing);
        }
        Map<String, SheetCells> sheets = reader.read(bounds(template));
        return bind(template, sheets);
    }

    /** Reads a template's document from its sheets' cells. */
    public static Bound bind(Template template, Map<String, SheetCells> sheets) {
        WorkbookBinding binding = new WorkbookBinding();
        ObjectNode document = JSON.objectNode();
        for (SheetLayout sheet : template.sheets()) {
            SheetCells cells = sheets.get(sheet.name());
            if (sheet.shape() == SheetLayout.Shape.FORM) {
                binding.form(sheet, cells, document);
            } else {
                binding.table(sheet, cells, document);
            }
        }
        if (!binding.errors.isEmpty()) {
            throw new WorkbookRejected(WorkbookRejected.Reason.INVALID, binding.errors.size()
                    + " 个单元格有误 (cells are invalid)", binding.errors);
        }
        prune(document);
        return new Bound(document, binding.addresses);
    }

    private void form(SheetLayout sheet, SheetCells cells, ObjectNode document) {
        refuseMerged(sheet, cells, Grid.FIRST_ROW, Grid.FIRST_ROW + sheet.fields().size() - 1, Grid.VALUE_COL,
                Grid.VALUE_COL);
        for (int i = 0; i < sheet.fields().size(); i++) {
            Field field = sheet.fields().get(i);
            int row = Grid.FIRST_ROW + i;
            if (!field.path().equals(cells.text(row, Grid.PATH_COL))) {
                errors.add(new CellError(Grid.address(sheet.name(), row, Grid.PATH_COL), field.path(),
                        "表格结构被改动：此行应为“" + field.label() + "”（" + field.path() + "） (the form's rows were moved)"));
                continue;
            }
            if (field.type() == FieldType.HEADING) {
                continue;
            }
            String address = Grid.address(sheet.name(), row, Grid.VALUE_COL);
            addresses.put(field.path(), address);
            JsonNode value = value(field, cells.get(row, Grid.VALUE_COL), address, field.path());
            if (value != null) {
                put(document, field.path(), value);
            }
        }
    }

    private void table(SheetLayout sheet, SheetCells cells, ObjectNode document) {
        int first = Grid.firstFieldColumn(sheet);
        List<Field> fields = sheet.fields();
        boolean headerOk = header(sheet, cells, Grid.NUMBER_COL, Grid.NUMBER_HEADER);
        if (sheet.parentSheet() != null) {
            headerOk &= header(sheet, cells, Grid.PARENT_COL, Grid.PARENT_HEADER);
        }
        for (int c = 0; c < fields.size(); c++) {
            headerOk &= header(sheet, cells, first + c, fields.get(c).header() + (fields.get(c).required() ? " *" : ""));
        }
        if (!headerOk) {
            return;
        }
        int lastData = Grid.FIRST_ROW + sheet.maxRows() - 1;
        refuseMerged(sheet, cells, Grid.FIRST_ROW, Math.max(lastData, cells.lastRow()), 0, first + fields.size() - 1);
        Map<Integer, ObjectNode> mine = new HashMap<>();
        Map<Integer, String> minePaths = new HashMap<>();
        numbered.put(sheet.name(), mine);
        numberedPaths.put(sheet.name(), minePaths);
        Map<String, Integer> counts = new HashMap<>();
        for (int row = Grid.FIRST_ROW; row <= cells.lastRow(); row++) {
            if (blank(cells, row, first, first + fields.size())) {
                continue;
            }
            if (row > lastData) {
                errors.add(new CellError(Grid.address(sheet.name(), row, 0), sheet.path(), "最多 " + sheet.maxRows()
                        + " 行 (at most " + sheet.maxRows() + " rows)"));
                return;
            }
            Integer number = integer(cells, sheet, row, Grid.NUMBER_COL);
            String listPath;
            ArrayNode list;
            if (sheet.parentSheet() == null) {
                listPath = sheet.path();
                list = array(document, listPath);
            } else {
                Integer parent = integer(cells, sheet, row, Grid.PARENT_COL);
                ObjectNode owner = parent == null ? null : numbered.getOrDefault(sheet.parentSheet(), Map.of()).get(parent);
                if (owner == null) {
                    errors.add(new CellError(Grid.address(sheet.name(), row, Grid.PARENT_COL), sheet.path(),
                            parent == null ? "必填：所属“" + sheet.parentSheet() + "”的序号 (the row it belongs to)"
                                    : "“" + sheet.parentSheet() + "”中没有序号 " + parent + " (no such row)"));
                    continue;
                }
                String child = sheet.path().substring(sheet.path().lastIndexOf("[].") + 3);
                listPath = numberedPaths.get(sheet.parentSheet()).get(parent) + "." + child;
                list = array(owner, child);
            }
            String elementPath = listPath + "[" + (counts.merge(listPath, 1, Integer::sum) - 1) + "]";
            addresses.put(elementPath, Grid.address(sheet.name(), row, Grid.NUMBER_COL));
            if (fields.size() == 1 && fields.get(0).path().isEmpty()) {
                String address = Grid.address(sheet.name(), row, first);
                addresses.put(elementPath, address);
                JsonNode value = value(fields.get(0), cells.get(row, first), address, elementPath);
                list.add(value == null ? JSON.nullNode() : value);
                continue;
            }
            ObjectNode element = list.addObject();
            for (int c = 0; c < fields.size(); c++) {
                Field field = fields.get(c);
                String address = Grid.address(sheet.name(), row, first + c);
                String path = elementPath + "." + field.path();
                addresses.put(path, address);
                JsonNode value = value(field, cells.get(row, first + c), address, path);
                if (value != null) {
                    put(element, field.path(), value);
                }
            }
            if (number != null) {
                if (mine.containsKey(number)) {
                    errors.add(new CellError(Grid.address(sheet.name(), row, Grid.NUMBER_COL), elementPath,
                            "序号 " + number + " 重复 (duplicate row number)"));
                }
                mine.put(number, element);
                minePaths.put(number, elementPath);
            }
        }
    }

    private boolean header(SheetLayout sheet, SheetCells cells, int col, String expected) {
        String found = cells == null ? null : cells.text(Grid.HEADER_ROW, col);
        if (expected.strip().equals(found)) {
            return true;
        }
        errors.add(new CellError(Grid.address(sheet.name(), Grid.HEADER_ROW, col), sheet.path(),
                "表头应为“" + expected.strip() + "” (the header was changed)"));
        return false;
    }

    private Integer integer(SheetCells cells, SheetLayout sheet, int row, int col) {
        SheetCells.RawCell cell = cells.get(row, col);
        if (cell == null || cell.text() == null || cell.text().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(cell.text().strip()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            errors.add(new CellError(Grid.address(sheet.name(), row, col), sheet.path(), "序号应为正整数 (not a row number)"));
            return null;
        }
    }

    /** Whether a row holds no field (a 序号 alone is an empty row). */
    private static boolean blank(SheetCells cells, int row, int first, int columns) {
        for (int c = first; c < columns; c++) {
            SheetCells.RawCell cell = cells.get(row, c);
            if (cell != null && (cell.formula() || cell.text() != null && !cell.text().isBlank())) {
                return false;
            }
        }
        return true;
    }

    private void refuseMerged(SheetLayout sheet, SheetCells cells, int firstRow, int lastRow, int firstCol,
            int lastCol) {
        if (cells == null) {
            return;
        }
        for (CellRangeAddress range : cells.mergedRegions()) {
            if (range.intersects(new CellRangeAddress(firstRow, lastRow, firstCol, lastCol))) {
                errors.add(new CellError(Grid.address(sheet.name(), range.getFirstRow(), range.getFirstColumn()), null,
                        "数据区域不能合并单元格：" + range.formatAsString() + " (merged cells in the data)"));
            }
        }
    }

    private JsonNode value(Field field, SheetCells.RawCell cell, String address, String path) {
        if (cell == null) {
            return null;
        }
        if (cell.formula()) {
            errors.add(new CellError(address, path, "此处应填写数值，不能是公式 (a formula where a value goes)"));
            return null;
        }
        String text = cell.text() == null ? "" : cell.text().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (cell.kind() == SheetCells.Kind.ERROR) {
            errors.add(new CellError(address, path, "单元格为错误值 " + text + " (an error value)"));
            return null;
        }
        try {
            return switch (field.type()) {
                case MONEY, PERCENT, DECIMAL, INTEGER -> number(field, cell, text, address, path);
                case BOOLEAN -> bool(cell, text, address, path);
                case DATE -> date(cell, text, address, path);
                case CHOICE -> choice(field, text, address, path);
                case TEXT_LIST -> {
                    ArrayNode items = JSON.arrayNode();
                    for (String line : text.split("\\R")) {
                        if (!line.isBlank()) {
                            items.add(line.strip());
                        }
                    }
                    yield items;
                }
                default -> JSON.textNode(cell.kind() == SheetCells.Kind.NUMBER ? plain(text) : text);
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            errors.add(new CellError(address, path, what(field)));
            return null;
        }
    }

    private JsonNode number(Field field, SheetCells.RawCell cell, String text, String address, String path) {
        if (cell.kind() != SheetCells.Kind.NUMBER) {
            // a number typed into a text-formatted cell is still the number the unit meant
            String cleaned = text.replace(",", "").replace("，", "");
            if (!cleaned.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                errors.add(new CellError(address, path, what(field)));
                return null;
            }
            text = cleaned;
        }
        BigDecimal value = new BigDecimal(text);
        if (cell.kind() == SheetCells.Kind.NUMBER) {
            value = value.round(EXCEL_DIGITS);
        }
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (field.type() == FieldType.INTEGER) {
            try {
                return JSON.numberNode(value.intValueExact());
            } catch (ArithmeticException e) {
                errors.add(new CellError(address, path, "不是整数 (not a whole number)"));
                return null;
            }
        }
        return JSON.numberNode(value);
    }

    private JsonNode bool(SheetCells.RawCell cell, String text, String address, String path) {
        if (cell.kind() == SheetCells.Kind.BOOLEAN) {
            return JSON.booleanNode("1".equals(text));
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "是", "true", "y", "yes" -> JSON.booleanNode(true);
            case "否", "false", "n", "no" -> JSON.booleanNode(false);
            default -> {
                errors.add(new CellError(address, path, "应为“是”或“否” (must be 是 or 否)"));
                yield null;
            }
        };
    }

    private JsonNode date(SheetCells.RawCell cell, String text, String address, String path) {
        if (cell.kind() == SheetCells.Kind.NUMBER) {
            double serial = Double.parseDouble(text);
            if (!DateUtil.isValidExcelDate(serial) || serial < 1) {
                errors.add(new CellError(address, path, "不是日期 (not a date)"));
                return null;
            }
            return JSON.textNode(DateUtil.getLocalDateTime(serial).toLocalDate().toString());
        }
        String iso = cell.kind() == SheetCells.Kind.DATE ? text.substring(0, Math.min(10, text.length()))
                : text.replace('/', '-').replace('.', '-');
        return JSON.textNode(LocalDate.parse(iso).toString());
    }

    private JsonNode choice(Field field, String text, String address, String path) {
        for (Field.Option option : field.options()) {
            if (option.label().equals(text) || option.code().equals(text)) {
                return JSON.textNode(option.code());
            }
        }
        errors.add(new CellError(address, path, "不在可选项中："
                + String.join("、", field.options().stream().map(Field.Option::label).toList()) + " (not one of the choices)"));
        return null;
    }

    private static String what(Field field) {
        return switch (field.type()) {
            case MONEY -> "不是金额 (not an amount)";
            case INTEGER -> "不是整数 (not a whole number)";
            case DATE -> "不是日期，应如 2024-12-31 (not a date)";
            default -> "不是数字 (not a number)";
        };
    }

    /** A code typed as a number (2011301) as the text it was meant to be. */
    private static String plain(String number) {
        try {
            return new BigDecimal(number).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static void put(ObjectNode node, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode current = node;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            current = next instanceof ObjectNode object ? object : current.putObject(parts[i]);
        }
        current.set(parts[parts.length - 1], value);
    }

    private static ArrayNode array(ObjectNode node, String path) {
        String[] parts = path.split("\\.");
        ObjectNode current = node;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            current = next instanceof ObjectNode object ? object : current.putObject(parts[i]);
        }
        JsonNode list = current.get(parts[parts.length - 1]);
        return list instanceof ArrayNode array ? array : current.putArray(parts[parts.length - 1]);
    }

    /** Objects left with nothing in them are figures not stated: removed, as JSON would leave them out. */
    private static boolean prune(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> empty = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (prune(object.get(name))) {
                    empty.add(name);
                }
            });
            object.remove(empty);
            return object.isEmpty();
        }
        if (node instanceof ArrayNode array) {
            array.forEach(WorkbookBinding::prune);
            return false;
        }
        return node.isNull();
    }
}
