package io.jixiao.commons.printing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Figures print as a finance office prints them, whatever precision the computation kept. */
class FiguresTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void amountsPrintIn万元WithThePrecisionTheyWereGiven() {
        assertEquals("19393.072万元", Figures.format(d("193930720.00"), "yuan"));
        assertEquals("1061.72万元", Figures.format(d("10617200.00"), "yuan"));
        assertEquals("0.000001万元", Figures.format(d("0.01"), "yuan"), "one fen");
        assertEquals("0.000001万元", Figures.format(d("0.0123"), "yuan"), "a computed amount: to the fen");
        assertEquals("-902.92万元", Figures.format(d("-9029200.00"), "yuan"));
        assertEquals("100万元", Figures.format(d("1000000"), "yuan"));
    }

    @Test
    void ratesPointsAndHeadcountsPrintToTheirPrecision() {
        assertEquals("96.04%", Figures.format(d("96.04271443616667784515018505936799"), "percent"));
        assertEquals("100%", Figures.format(d("100.00"), "percent"));
        assertEquals("2.88分", Figures.format(d("2.881281433085000335"), "points"));
        assertEquals("381人", Figures.format(d("381"), "persons"));
        assertEquals("3个", Figures.format(d("3"), "count"));
        assertEquals("5.74", Figures.decimal(d("5.73561940057769083722269478502426")));
        assertEquals("96.04%", Figures.ratioAsPercent(d("0.9604271443616667")));
    }

    @Test
    void aValueInAnIndicatorsUnitPrintsAsItsUnitWants() {
        assertEquals("96.04%", Figures.inMeasure(d("96.042714"), "%"));
        assertEquals("12人", Figures.inMeasure(d("12.0000"), "人"));
        assertEquals("3项", Figures.inMeasure(d("3"), "项"));
        assertEquals("1061.72万元", Figures.inMeasure(d("1061.72"), "万元"));
        assertEquals("0.5", Figures.inMeasure(d("0.5"), null));
    }
}
