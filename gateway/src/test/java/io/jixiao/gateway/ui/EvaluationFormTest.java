package io.jixiao.gateway.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The 自评表 form: one line per indicator the unit states, and a posted form merged into what is held. */
class EvaluationFormTest {

    /** A framework's scored indicators, as {@link FrameworkIndicators} hands them over. */
    private static final List<Map<String, Object>> FRAMEWORK = List.of(
            Map.of("code", "1.1.1", "name", "绩效目标合理性", "measure", Map.of("type", "rating")),
            Map.of("code", "1.2.1", "name", "在职人员控制率", "measure", Map.of("type", "formula")),
            Map.of("code", "2.1.3", "name", "支付进度率", "measure", Map.of("type", "manual")),
            Map.of("code", "3.1.1", "name", "实际完成率", "measure", Map.of("type", "manual")));

    @Test
    void theLinesAreTheUnitsOwnIndicatorsFilledFromWhatIsHeld() {
        Map<String, Object> held = Map.of("actuals", List.of(Map.of("indicator", "2.1.3",
                "value", new java.math.BigDecimal("98.50"), "evidence", "国库支付系统")));
        List<EvaluationForm.Line> lines = EvaluationForm.lines(FRAMEWORK, held);
        assertEquals(List.of("1.1.1", "2.1.3", "3.1.1"), lines.stream().map(EvaluationForm.Line::code).toList());
        assertEquals("98.50", lines.get(1).value());
        assertEquals("国库支付系统", lines.get(1).evidence());
        assertEquals("", lines.get(2).value());
    }

    @Test
    void aPostedFormReplacesTheActualsAndRatingsAndKeepsEverythingElse() {
        Map<String, Object> held = Map.of("targets", List.of(Map.of("indicator", "2.1.3")), "actuals",
                List.of(Map.of("indicator", "3.1.1", "value", 90)), "declared", Map.of("total", 95));
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.putSingle("level-1.1.1", "PARTIAL");
        form.putSingle("percent-1.1.1", "");
        form.putSingle("evidence-1.1.1", " 年度目标已分解 ");
        form.putSingle("value-2.1.3", "98.5");
        form.putSingle("evidence-2.1.3", "");
        form.putSingle("value-3.1.1", " ");
        Map<String, Object> document = EvaluationForm.document(held, EvaluationForm.lines(FRAMEWORK, held), form);
        assertEquals(held.get("targets"), document.get("targets"));
        assertEquals(held.get("declared"), document.get("declared"));
        // a value goes as typed: the service parses it and answers a wrong one with the API's own message
        assertEquals(List.of(map("indicator", "2.1.3", "value", "98.5", "evidence", null)), document.get("actuals"));
        assertEquals(List.of(map("indicator", "1.1.1", "level", "PARTIAL", "percent", null, "evidence", "年度目标已分解")),
                document.get("ratings"));
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
