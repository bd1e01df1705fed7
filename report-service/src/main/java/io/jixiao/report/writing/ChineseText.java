package io.jixiao.report.writing;

import io.jixiao.commons.printing.Figures;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Numbers, dates and sentence ends as a Chinese report writes them. */
public final class ChineseText {

    /** What a missing figure prints as (the seed's placeholder). */
    public static final String MISSING = "*";
    /** What a section not written prints as. */
    public static final String NOT_FILLED = "（未填报）";

    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseText() {
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一. */
    public static String ordinal(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + DIGITS[ones];
    }

    /** Points with at most two decimals: 95.00 → 95, 88.5 → 88.5. */
    public static String points(BigDecimal value) {
        return Figures.points(value);
    }

    /** A stated rate as the seed prints it: 96.04 → 96.04, 100.00 → 100. */
    public static String percent(BigDecimal value) {
        return Figures.percent(value);
    }

    /** 2024-12-31 → 2024年12月底; another day → 2024年6月15日. */
    static String monthEnd(LocalDate date) {
        if (date == null) {
            return MISSING;
        }
        if (date.getDayOfMonth() == date.lengthOfMonth()) {
            return date.getYear() + "年" + date.getMonthValue() + "月底";
        }
        return fullDate(date);
    }

    static String fullDate(LocalDate date) {
        if (date == null) {
            return MISSING;
        }
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Text without the punctuation it ends with, to be continued: 已完成。 → 已完成. */
    static String stripEnd(String s) {
        String t = s.strip();
        while (!t.isEmpty() && "。；;.，,".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
