package io.jixiao.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The pages print as the reports do: 万元 with the precision given, two decimals, Chinese dates in Beijing time. */
class FormatsTest {

    @Test
    void figures() {
        assertEquals("19393.072", Formats.wan(new BigDecimal("193930720.00")));
        assertEquals("96.04%", Formats.pct(new BigDecimal("96.04271443616667784515018505936799")));
        assertEquals("2.88", Formats.pts(new BigDecimal("2.8812813")));
        assertEquals("—", Formats.pts(null));
        assertEquals("3", Formats.abs(-3));
    }

    @Test
    void datesAndTimes() {
        assertEquals("2024年12月31日", Formats.date("2024-12-31"));
        // 16:30 UTC is half past midnight the next day in Beijing
        assertEquals("2025年1月1日", Formats.date("2024-12-31T16:30:00Z"));
        assertEquals("2025年1月1日 00:30", Formats.time("2024-12-31T16:30:00Z"));
        assertEquals("—", Formats.time(null));
    }

    @Test
    void statesInChinese() {
        assertEquals("已退回", Formats.label("RETURNED"));
        assertEquals("待补充", Formats.label("INCOMPLETE"));
    }
}
