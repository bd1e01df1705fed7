package io.jixiao.assessment.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.assessment.ScoreSnapshot.Warning;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 双监控 during the year: budget execution against the calendar. With the latest month's cumulative spending,
 * execution rate ÷ (month / 12) below 60 % is a red warning, below 80 % a yellow one (DESIGN §2).
 */
public final class Monitoring {

    public static final BigDecimal RED_BELOW = new BigDecimal("0.60");
    public static final BigDecimal YELLOW_BELOW = new BigDecimal("0.80");
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Monitoring() {
    }

    public static List<Warning> warnings(Facts facts) {
        List<Warning> warnings = new ArrayList<>();
        JsonNode budget = facts.fact("budget").map(Facts.Fact::tree).orElse(null);
        if (budget == null) {
            return warnings;
        }
        JsonNode allocated = budget.at("/revenue/allocatedTotal");
        JsonNode months = budget.get("monthlyExecution");
        if (allocated.isMissingNode() || allocated.isNull() || allocated.decimalValue().signum() == 0
                || months == null || !months.isArray() || months.isEmpty()) {
            return warnings;
        }
        JsonNode latest = null;
        for (JsonNode m : months) {
            if (latest == null || m.get("month").asInt() > latest.get("month").asInt()) {
                latest = m;
            }
        }
        int month = latest.get("month").asInt();
        BigDecimal execution = latest.get("cumulativeExpenditure").decimalValue()
                .divide(allocated.decimalValue(), MathContext.DECIMAL128);
        BigDecimal calendar = BigDecimal.valueOf(month).divide(TWELVE, MathContext.DECIMAL128);
        BigDecimal ratio = execution.divide(calendar, MathContext.DECIMAL128);
        String level = ratio.compareTo(RED_BELOW) < 0 ? "RED" : ratio.compareTo(YELLOW_BELOW) < 0 ? "YELLOW" : null;
        if (level != null) {
            warnings.add(new Warning("EXECUTION-BEHIND-CALENDAR", level,
                    "截至%d月累计支出进度 %s%%，时间进度 %s%%，仅为时间进度的 %s%%（%s预警）".formatted(month,
                            pct(execution), pct(calendar), pct(ratio), "RED".equals(level) ? "红色" : "黄色")));
        }
        return warnings;
    }

    private static String pct(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
