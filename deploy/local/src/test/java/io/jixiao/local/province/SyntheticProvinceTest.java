package io.jixiao.local.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.local.infra.WorkDirs;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticProvinceTest {

    private static final Path FIXTURES = WorkDirs.root().resolve("deploy/fixtures");

    @Test
    void theSameArgumentsGiveTheSameProvinceFigureForFigure() {
        SyntheticProvince a = new SyntheticProvince(2000, 7, FIXTURES);
        SyntheticProvince b = new SyntheticProvince(2000, 7, FIXTURES);
        assertEquals(a.units(), b.units());
        assertEquals(a.documents().toString(), b.documents().toString());
        assertNotEquals(a.units(), new SyntheticProvince(2000, 8, FIXTURES).units(), "another seed, another province");
        assertEquals(2000, a.unitYears());
        assertEquals(6000, a.documents().size(), "budget, staff and assets of every unit-year");
    }

    @Test
    void levelsComeInAProvincesProportionsAndOneUnitInTwentyFiveContradictsItself() {
        SyntheticProvince province = new SyntheticProvince(20000, 1, FIXTURES);
        Map<String, Long> levels = province.units().stream()
                .collect(Collectors.groupingBy(SyntheticProvince.Unit::level, Collectors.counting()));
        int n = province.units().size();
        assertTrue(Math.abs(levels.get("省级") - n * 0.1) < n * 0.02, levels.toString());
        assertTrue(Math.abs(levels.get("市级") - n * 0.3) < n * 0.03, levels.toString());
        assertTrue(Math.abs(levels.get("县级") - n * 0.6) < n * 0.03, levels.toString());
        assertEquals(n / SyntheticProvince.CONTRADICTION_EVERY,
                province.units().stream().filter(SyntheticProvince.Unit::contradictory).count());
        assertTrue(province.units().stream().allMatch(u -> u.code().matches("^[A-Z0-9][A-Z0-9-]{1,31}$")));
    }

    @Test
    void scalingKeepsEverySumToTheFenAndEveryRateAsItWas() throws Exception {
        JsonNode budget = new ObjectMapper().readTree("""
                {"revenue": {"allocatedTotal": 195315700.01, "carryover": 12942200.37},
                 "expenditure": {"total": 187586000.00, "executionRatePercent": 96.04,
                   "personnel": {"actual": 116301600.00, "ratePercent": 100}},
                 "monthlyExecution": [{"month": 12, "cumulativeExpenditure": 187586000.00}],
                 "staff": [3, 4]}""");
        JsonNode scaled = SyntheticProvince.scaled(budget, 7);
        assertEquals(new BigDecimal("1367209900.07"), scaled.at("/revenue/allocatedTotal").decimalValue());
        assertEquals(new BigDecimal("90595402.59"), scaled.at("/revenue/carryover").decimalValue());
        assertEquals("96.04", scaled.at("/expenditure/executionRatePercent").asText());
        assertEquals(100, scaled.at("/expenditure/personnel/ratePercent").asInt());
        assertEquals(12, scaled.at("/monthlyExecution/0/month").asInt());
        assertEquals(28, scaled.at("/staff/1").asInt());
    }

    @Test
    void aContradictoryUnitsTotalIsTenThousandYuanOffAndItsStaffOneOff() {
        SyntheticProvince province = new SyntheticProvince(2000, 3, FIXTURES);
        int checked = 0;
        for (SyntheticProvince.Unit unit : province.units()) {
            for (int year : province.years()) {
                List<SyntheticProvince.Document> documents = province.documents(unit, year);
                JsonNode staff = documents.get(1).body();
                assertEquals(year + "-12-31", staff.path("asOf").asText());
                int categories = 0;
                for (JsonNode c : staff.path("categories")) {
                    categories += c.path("headcount").asInt();
                }
                if (staff.path("totalInService").isNumber() && categories > 0) {
                    // the template's own difference (a published report's), scaled, plus the one added
                    int off = staff.path("totalInService").asInt() - categories - (unit.contradictory() ? 1 : 0);
                    assertEquals(0, off % unit.factor(), unit.code() + " " + year);
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000, checked + " staff documents checked");
    }
}
