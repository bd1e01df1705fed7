package io.jixiao.assessment.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jixiao.events.assessment.ScoreSnapshot.Basis;
import io.jixiao.events.assessment.ScoreSnapshot.FrameworkRef;
import io.jixiao.events.assessment.ScoreSnapshot.IndicatorResult;
import io.jixiao.events.assessment.ScoreSnapshot.Input;
import io.jixiao.events.assessment.ScoreSnapshot.Warning;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

/** The scores as published reach the caller whole: each indicator's formula, inputs, rule and deduction. */
class ScoreMappingTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    private final ScoreMapping mapping = Mappers.getMapper(ScoreMapping.class);

    @Test
    void everyFieldOfTheScoresReachesTheCaller() {
        ScoreSnapshot published = new ScoreSnapshot("XZ-WXB", 2024, ScoreSnapshot.Status.SCORED, null,
                new Basis(3L, 2L, 1L, 4L, null, null, null), new FrameworkRef("mof-2013-common", 2, "通用指标体系"),
                new BigDecimal("86.50"), "良", new BigDecimal("95"),
                List.of(new IndicatorResult("1.2.1", "预算执行率", 3, "1.2", new BigDecimal("5"), "≥95%", "96.04%",
                        new BigDecimal("96.0427"), new BigDecimal("5.00"), new BigDecimal("5"), true, null,
                        "expenditure.total / revenue.allocatedTotal * 100",
                        List.of(new Input("budget.expenditure.total", new BigDecimal("186264000.00"),
                                "budget-service", 3)),
                        "比例计分", BigDecimal.ZERO, "达到目标，得满分", null, true)),
                List.of(new Finding("ASSESS-DECLARED-ABOVE-COMPUTED", Severity.WARNING, "自评得分不高于依据支持的得分",
                        "自评总分95分，高出8.5分", List.of(new Finding.FigureRef("declaredTotal", "自评总分",
                                new BigDecimal("95"), "points")), new BigDecimal("86.50"), new BigDecimal("95"),
                        new BigDecimal("8.50"), "points", null)),
                List.of(new Warning("TARGET-LAGGING-EXECUTION", "YELLOW", "执行进度落后")),
                new ScoreSnapshot.Coverage(new BigDecimal("95"), new BigDecimal("100"), new BigDecimal("95.00"),
                        new BigDecimal("90"), true, List.of(new ScoreSnapshot.Missing("1.2.1", "在职人员控制率",
                                new BigDecimal("5"), "缺少：编制数", "人员情况"))));
        assertEquals(JSON.valueToTree(published), JSON.valueToTree(mapping.toApi(published)));
        assertEquals(JSON.valueToTree(published.warnings()), JSON.valueToTree(mapping.toApi(published.warnings())));
    }
}
