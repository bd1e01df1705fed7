package io.jixiao.commons.workbook;

import io.jixiao.commons.validation.GrowthRate;
import io.jixiao.commons.validation.Money;
import io.jixiao.commons.validation.MoneyChange;
import io.jixiao.commons.validation.Percent;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Derives a document's workbook {@link Template} from its API record, so the workbook and the JSON API cannot drift
 * apart: every component is a field, its header is the start of its OpenAPI description (财政下达资金指标（元）：… gives
 * the label 财政下达资金指标 and the unit 元), its type comes from its Java type and constraints ({@link Money} is
 * 元 with two decimals, an enum or a pattern of literal alternatives is a list to choose from), and its description
 * is the 填报说明. Single figures go to the form sheet, nested records as headed groups; each list of records is a
 * table sheet, a list of long texts too (one paragraph per row); a list of short texts is one cell, one per line.
 */
public final class Layouts {

    /** Lists of texts longer than this get a sheet of their own, one text per row. */
    private static final int LONG_TEXT = 300;
    /** Excel's limit on a sheet name. */
    private static final int SHEET_NAME_MAX = 31;
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("^([^：。]+?)(?:（([^（）]*)）)?[：。]");
    /** A bracket after a label that is a unit: （元）, （%）, （分，最多两位小数） … */
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile("(元|万元|%|人|个|分|项|篇|次)(，.*)?");
    private static final java.util.regex.Pattern CHOICE = java.util.regex.Pattern.compile("([A-Z][A-Z_]+) ([^，。；,（]+)");
    private static final java.util.regex.Pattern LITERALS = java.util.regex.Pattern.compile("^\\^?\\(([^()\\\\\\[\\]*+?.]+)\\)\\$?$");

    private final String title;
    private final List<SheetLayout> tables = new ArrayList<>();
    private final Set<String> sheetNames = new LinkedHashSet<>();

    private Layouts(String title) {
        this.title = title;
    }

    /**
     * The template of a document.
     *
     * @param kind   the document kind, e.g. {@code budget}
     * @param title  the document in a word or two, the form sheet's name, e.g. 预算
     * @param type   the document's API record
     * @param totals sums the form shows while the unit types (from the document's reconciliation rules)
     */
    public static Template of(String kind, String title, Class<? extends Record> type, List<SheetLayout.Total> totals) {
        Layouts layouts = new Layouts(title);
        layouts.sheetNames.add(title);
        List<Field> form = new ArrayList<>();
        layouts.form(type, "", 0, form);
        List<SheetLayout> sheets = new ArrayList<>();
        Set<String> formPaths = new LinkedHashSet<>();
        form.forEach(f -> formPaths.add(f.path()));
        List<SheetLayout.Total> shown = totals.stream().filter(t -> formPaths.contains(t.path())
                && t.terms().stream().allMatch(term -> formPaths.contains(term.replaceFirst("^[+-]", "")))).toList();
        sheets.add(new SheetLayout(title, SheetLayout.Shape.FORM, null, null, title, form, form.size(), shown));
        sheets.addAll(layouts.tables);
        Schema schema = type.getAnnotation(Schema.class);
        return new Template(kind, title, schema == null ? title : schema.description(), sheets);
    }

    private void form(Class<?> record, String prefix, int depth, List<Field> out) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> type = component.getType();
            String description = description(component);
            if (type.isRecord()) {
                out.add(new Field(path, label(component, description), null, FieldType.HEADING, required(component),
                        List.of(), description, null, depth));
                form(type, path + ".", depth + 1, out);
            } else if (List.class.isAssignableFrom(type) && listOfRecords(component)) {
                table(component, path, null, description);
            } else if (List.class.isAssignableFrom(type) && longTexts(component)) {
                textTable(component, path, description);
            } else {
                out.add(field(component, path, "", description, depth));
            }
        }
    }

    private void table(RecordComponent component, String path, String parentSheet, String description) {
        Class<?> element = elementClass(component);
        String name = sheetName(label(component, description));
        List<Field> columns = new ArrayList<>();
        int index = tables.size();
        tables.add(null); // keeps a parent before its children
        columns(element, "", "", name, path, columns);
        tables.set(index, new SheetLayout(name, SheetLayout.Shape.TABLE, path, parentSheet, label(component, description),
                columns, maxSize(component), List.of()));
    }

    private void textTable(RecordComponent component, String path, String description) {
        String name = sheetName(label(component, description));
        Field text = new Field("", "内容", null, FieldType.TEXT, true, List.of(), "每行一项，按行的顺序。"
                + description, null, 0);
        tables.add(new SheetLayout(name, SheetLayout.Shape.TABLE, path, null, label(component, description),
                List.of(text), maxSize(component), List.of()));
    }

    private void columns(Class<?> element, String prefix, String labelPrefix, String sheet, String listPath,
            List<Field> out) {
        for (RecordComponent component : element.getRecordComponents()) {
            String path = prefix + component.getName();
            String description = description(component);
            Class<?> type = component.getType();
            if (type.isRecord()) {
                columns(type, path + ".", labelPrefix + label(component, description) + "·", sheet, listPath, out);
            } else if (List.class.isAssignableFrom(type) && listOfRecords(component)) {
                table(component, listPath + "[]." + path, sheet, description);
            } else {
                Field field = field(component, path, labelPrefix, description, 0);
                out.add(field);
            }
        }
    }

    private Field field(RecordComponent component, String path, String labelPrefix, String description, int depth) {
        Class<?> type = component.getType();
        String label = labelPrefix + label(component, description);
        String unit = unit(description);
        boolean required = required(component);
        if (type == BigDecimal.class) {
            if (has(component, Money.class) || has(component, MoneyChange.class)) {
                return new Field(path, label, "元", FieldType.MONEY, required, List.of(), description, 2, depth);
            }
            if (has(component, Percent.class) || has(component, GrowthRate.class)) {
                return new Field(path, label, "%", FieldType.PERCENT, required, List.of(), description, 2, depth);
            }
            Digits digits = annotation(component, Digits.class);
            return new Field(path, label, unit, FieldType.DECIMAL, required, List.of(), description,
                    digits == null ? null : digits.fraction(), depth);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return new Field(path, label, unit, FieldType.INTEGER, required, List.of(), description, 0, depth);
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Field(path, label, null, FieldType.BOOLEAN, required, List.of(), description, null, depth);
        }
        if (type == LocalDate.class) {
            return new Field(path, label, null, FieldType.DATE, required, List.of(), description, null, depth);
        }
        if (type.isEnum()) {
            return new Field(path, label, null, FieldType.CHOICE, required, enumOptions(type, description),
                    description, null, depth);
        }
        if (type == String.class) {
            List<Field.Option> literals = literalOptions(annotation(component, Pattern.class));
            FieldType kind = literals.isEmpty() ? FieldType.TEXT : FieldType.CHOICE;
            return new Field(path, label, null, kind, required, literals, description, null, depth);
        }
        if (List.class.isAssignableFrom(type)) {
            return new Field(path, label, null, FieldType.TEXT_LIST, required, List.of(),
                    description + "（每项一行：单元格内换行）", null, depth);
        }
        throw new IllegalArgumentException("no workbook cell for " + component + " of type " + type);
    }

    private static List<Field.Option> enumOptions(Class<?> type, String description) {
        List<Field.Option> options = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String code = ((Enum<?>) constant).name();
            String label = code;
            Matcher m = CHOICE.matcher(description);
            while (m.find()) {
                if (m.group(1).equals(code)) {
                    label = m.group(2).trim();
                }
            }
            options.add(new Field.Option(code, label));
        }
        return options;
    }

    /** {@code ^(=|>=|<=)$} gives the choices =, >=, <=. */
    private static List<Field.Option> literalOptions(Pattern pattern) {
        if (pattern == null) {
            return List.of();
        }
        Matcher m = LITERALS.matcher(pattern.regexp());
        if (!m.matches()) {
            return List.of();
        }
        return java.util.Arrays.stream(m.group(1).split("\\|")).map(s -> new Field.Option(s, s)).toList();
    }

    private String sheetName(String label) {
        String name = (title + "·" + label).replaceAll("[\\\\/?*\\[\\]:]", "");
        if (name.length() > SHEET_NAME_MAX) {
            name = name.substring(0, SHEET_NAME_MAX);
        }
        String unique = name;
        for (int i = 2; !sheetNames.add(unique); i++) {
            String suffix = String.valueOf(i);
            unique = name.substring(0, Math.min(name.length(), SHEET_NAME_MAX - suffix.length())) + suffix;
        }
        return unique;
    }

    static String label(RecordComponent component, String description) {
        Matcher m = LABEL.matcher(description);
        if (m.find()) {
            String label = m.group(1).trim();
            String bracket = m.group(2);
            return bracket == null || UNIT.matcher(bracket).matches() ? label : label + "（" + bracket + "）";
        }
        return description.isBlank() ? component.getName() : description.replaceAll("[。．.]$", "");
    }

    private static String unit(String description) {
        Matcher m = LABEL.matcher(description);
        if (m.find() && m.group(2) != null) {
            Matcher unit = UNIT.matcher(m.group(2));
            if (unit.matches()) {
                return unit.group(1);
            }
        }
        return null;
    }

    private static String description(RecordComponent component) {
        Schema schema = annotation(component, Schema.class);
        return schema == null ? "" : schema.description();
    }

    private static boolean required(RecordComponent component) {
        return has(component, NotNull.class) || has(component, NotBlank.class) || has(component, NotEmpty.class);
    }

    private static int maxSize(RecordComponent component) {
        Size size = annotation(component, Size.class);
        return size == null ? 1000 : Math.min(size.max(), 10_000);
    }

    private static boolean listOfRecords(RecordComponent component) {
        return elementClass(component).isRecord();
    }

    private static boolean longTexts(RecordComponent component) {
        if (elementClass(component) != String.class) {
            return false;
        }
        AnnotatedType annotated = component.getAnnotatedType();
        if (annotated instanceof AnnotatedParameterizedType parameterized) {
            for (Annotation a : parameterized.getAnnotatedActualTypeArguments()[0].getAnnotations()) {
                Integer max = max(a);
                if (max != null && max > LONG_TEXT) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code max} of a size-like constraint (Size, or a composed one such as the report's Prose). */
    private static Integer max(Annotation a) {
        try {
            Method max = a.annotationType().getMethod("max");
            Object value = max.invoke(a);
            return value instanceof Integer i ? i : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Class<?> elementClass(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException("no element type for " + component);
    }

    private static boolean has(RecordComponent component, Class<? extends Annotation> type) {
        return annotation(component, type) != null;
    }

    /** An annotation of a component, wherever Java put it (the component, its field or its accessor). */
    private static <A extends Annotation> A annotation(RecordComponent component, Class<A> type) {
        A found = component.getAnnotation(type);
        if (found != null) {
            return found;
        }
        try {
            AnnotatedElement field = component.getDeclaringRecord().getDeclaredField(component.getName());
            found = field.getAnnotation(type);
        } catch (NoSuchFieldException e) {
            found = null;
        }
        return found != null ? found : component.getAccessor().getAnnotation(type);
    }
}
