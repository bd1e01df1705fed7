package io.jixiao.gateway.ui;

import io.jixiao.commons.printing.Figures;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How the pages print figures and dates, as the reports do ({@link Figures}): amounts in 万元 with the precision they
 * were given, percentages and points to two decimals, dates as 2024年12月31日 and times in Beijing time. In templates:
 * {@code {fmt:wan(x)}}, {@code {fmt:date(x)}} …
 */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("DRAFT", "草稿"), Map.entry("SUBMITTED", "已报送"), Map.entry("RETURNED", "已退回"),
            Map.entry("ACCEPTED", "已审核"), Map.entry("PUBLISHED", "已公开"),
            Map.entry("SCORED", "已评分"), Map.entry("INCOMPLETE", "待补充"), Map.entry("NO_FRAMEWORK", "无适用指标体系"),
            Map.entry("UNIT_UNKNOWN", "单位未登记"), Map.entry("ERROR", "错误"), Map.entry("WARNING", "警告"),
            Map.entry("INFO", "提示"), Map.entry("RED", "红色预警"), Map.entry("YELLOW", "黄色预警"));

    private Formats() {
    }

    /** Yuan as 万元: 193930720.00 → 19393.072 (no unit; the column or label says 万元). */
    static String wan(Object yuan) {
        BigDecimal v = decimal(yuan);
        return v == null ? "—" : Figures.wan(v);
    }

    /** A percentage (96.04 means 96.04 %) with its sign. */
    static String pct(Object value) {
        BigDecimal v = decimal(value);
        return v == null ? "—" : Figures.percent(v) + "%";
    }

    /** Points (分) to at most two decimals. */
    static String pts(Object value) {
        BigDecimal v = decimal(value);
        return v == null ? "—" : Figures.points(v);
    }

    /** Any other number to at most two decimals. */
    static String num(Object value) {
        BigDecimal v = decimal(value);
        return v == null ? "—" : Figures.decimal(v);
    }

    /** A value of the audit trail as it was stored: a figure as given, a record or list as compact JSON (shortened). */
    static String value(Object value) {
        if (value == null) {
            return "（无）";
        }
        String text;
        try {
            text = value instanceof Map<?, ?> || value instanceof java.util.List<?> ? JSON.writeValueAsString(value)
                    : value.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            text = value.toString();
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The size of a number of days, whatever its sign. */
    static String abs(Object value) {
        BigDecimal v = decimal(value);
        return v == null ? "—" : v.abs().toPlainString();
    }

    /** A date (2024-12-31 or a timestamp) as 2024年12月31日. */
    static String date(Object value) {
        if (value == null) {
            return "—";
        }
        String s = value.toString();
        try {
            return s.length() <= 10 ? LocalDate.parse(s).format(DATE)
                    : OffsetDateTime.parse(s).atZoneSameInstant(BEIJING).format(DATE);
        } catch (DateTimeParseException e) {
            return s;
        }
    }

    /** A timestamp as 2024年12月31日 14:05, Beijing time. */
    static String time(Object value) {
        if (value == null) {
            return "—";
        }
        try {
            return OffsetDateTime.parse(value.toString()).atZoneSameInstant(BEIJING).format(TIME);
        } catch (DateTimeParseException e) {
            return date(value);
        }
    }

    /** The Chinese name of a state, a severity or a warning level. */
    static String label(Object code) {
        return code == null ? "—" : LABELS.getOrDefault(code.toString(), code.toString());
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal b) {
            return b;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
