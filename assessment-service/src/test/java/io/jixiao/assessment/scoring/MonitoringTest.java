package io.jixiao.assessment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** 双监控: execution against the calendar — red below 60 % of it, yellow below 80 %. */
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static Facts budget(String monthly) throws Exception {
        return new Facts().with(new Facts.Fact("budget", JSON.readTree(
                "{\"revenue\": {\"allocatedTotal\": 1200000.00}, \"monthlyExecution\": " + monthly + "}"),
                "budget-service", 1));
    }

    @Test
    void halfTheCalendarIsRed() throws Exception {
        // June: 6/12 of the year gone, 25 % spent → 50 % of the calendar
        var w = Monitoring.warnings(budget("[{\"month\": 3, \"cumulativeExpenditure\": 100000}, "
                + "{\"month\": 6, \"cumulativeExpenditure\": 300000}]"));
        assertEquals(1, w.size());
        assertEquals("RED", w.get(0).level());
        assertTrue(w.get(0).message().contains("截至6月"), w.get(0).message());
    }

    @Test
    void seventyPercentOfTheCalendarIsYellowAndNinetyIsFine() throws Exception {
        assertEquals("YELLOW", Monitoring.warnings(budget("[{\"month\": 6, \"cumulativeExpenditure\": 420000}]"))
                .get(0).level());
        assertEquals(0, Monitoring.warnings(budget("[{\"month\": 6, \"cumulativeExpenditure\": 540000}]")).size());
    }

    @Test
    void aTargetWhoseCompletionLagsTheMoneySpentIsWarned() throws Exception {
        // June: 50 % of the allocation spent (on the calendar); 3.1.1 is 25 % complete, 3.1.2 45 %, 3.1.3 60 %
        Facts facts = budget("[{\"month\": 6, \"cumulativeExpenditure\": 600000}]");
        var stated = new EvaluationInputs(java.util.List.of(
                new EvaluationInputs.TargetValue("3.1.1", ">=", "%", new java.math.BigDecimal("100"), null),
                new EvaluationInputs.TargetValue("3.1.2", ">=", "%", new java.math.BigDecimal("200"), new java.math.BigDecimal("100")),
                new EvaluationInputs.TargetValue("3.1.3", ">=", "%", new java.math.BigDecimal("100"), null),
                new EvaluationInputs.TargetValue("1.2.1", "<=", "%", new java.math.BigDecimal("100"), null)),
                java.util.List.of(new EvaluationInputs.ActualValue("3.1.1", new java.math.BigDecimal("25"), "半年总结"),
                        new EvaluationInputs.ActualValue("3.1.2", new java.math.BigDecimal("35"), "半年总结"),
                        new EvaluationInputs.ActualValue("3.1.3", new java.math.BigDecimal("60"), "半年总结"),
                        new EvaluationInputs.ActualValue("1.2.1", new java.math.BigDecimal("5"), "x")),
                null, null, null, null, null, null);
        var w = Monitoring.warnings(facts, stated);
        assertEquals(2, w.size(), w.toString());
        assertEquals("TARGET-LAGGING-EXECUTION", w.get(0).code());
        assertEquals("RED", w.get(0).level());
        assertTrue(w.get(0).message().contains("3.1.1"), w.get(0).message());
        assertEquals("YELLOW", w.get(1).level(), "35 of an adjusted 100 is 70 % of the 50 % spent");
    }

    @Test
    void noMonthlyFiguresNoWarning() throws Exception {
        assertEquals(0, Monitoring.warnings(budget("[]")).size());
        assertEquals(0, Monitoring.warnings(new Facts()).size());
    }
}
