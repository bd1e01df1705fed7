package io.jixiao.assessment.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.assessment.ScoreSnapshot.Warning;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 双监控 during the year, on both sides:
 * <ul>
 * <li>budget execution against the calendar: with the latest month's cumulative spending, execution rate ÷
 * (month / 12) below 60 % is a red warning, below 80 % a yellow one (DESIGN §2);</li>
 * <li>performance targets against budget execution: an indicator whose stated completion (actual ÷ target) is below
 * 60 % (red) or 80 % (yellow) of the budget's execution rate is lagging the money spent on it.</li>
 * </ul>
 */
public final class Monitoring {

    public static final BigDecimal RED_BELOW = new BigDecimal("0.60");
    public static final BigDecimal YELLOW_BELOW = new BigDecimal("0.80");
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Monitoring() {
    }

    public static List<Warning> warnings(Facts facts) {
        return warnings(facts, EvaluationInputs.empty());
    }

    public static List<Warning> warnings(Facts facts, EvaluationInputs stated) {
        List<Warning> warnings = new ArrayList<>();
        JsonNode budget = facts.fact("budget").map(Facts.Fact::tree).orElse(null);
        if (budget == null) {
            return warnings;
        }
        BigDecimal execution = executionRate(budget);
        if (execution != null && execution.signum() > 0) {
            warnings.addAll(targetsLagging(stated, execution));
        }
        int month = latestMonth(budget);
        if (execution == null || month == 0) {
            return warnings; // no monthly figures: nothing to hold against the calendar
        }
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

    /** The latest month with a cumulative figure, or 0 when none was pushed. */
    private static int latestMonth(JsonNode budget) {
        int latest = 0;
        JsonNode months = budget.get("monthlyExecution");
        if (months != null && months.isArray()) {
            for (JsonNode m : months) {
                latest = Math.max(latest, m.get("month").asInt());
            }
        }
        return latest;
    }

    /** Spending so far ÷ allocation: the latest month's cumulative figure, else the year's total. */
    private static BigDecimal executionRate(JsonNode budget) {
        JsonNode allocated = budget.at("/revenue/allocatedTotal");
        if (allocated.isMissingNode() || allocated.isNull() || allocated.decimalValue().signum() == 0) {
            return null;
        }
        BigDecimal spent = null;
        int latest = 0;
        JsonNode months = budget.get("monthlyExecution");
        if (months != null && months.isArray()) {
            for (JsonNode m : months) {
                if (m.get("month").asInt() > latest) {
                    latest = m.get("month").asInt();
                    spent = m.get("cumulativeExpenditure").decimalValue();
                }
            }
        }
        if (spent == null) {
            JsonNode total = budget.at("/expenditure/total");
            spent = total.isMissingNode() || total.isNull() ? null : total.decimalValue();
        }
        return spent == null ? null : spent.divide(allocated.decimalValue(), MathContext.DECIMAL128);
    }

    private static List<Warning> targetsLagging(EvaluationInputs stated, BigDecimal execution) {
        List<Warning> out = new ArrayList<>();
        if (stated.targets() == null || stated.actuals() == null) {
            return out;
        }
        for (EvaluationInputs.TargetValue target : stated.targets()) {
            BigDecimal goal = target.adjustedValue() != null ? target.adjustedValue() : target.targetValue();
            if (!">=".equals(target.operator()) || goal == null || goal.signum() <= 0) {
                continue; // only "at least" targets have a completion that can lag
            }
            var actual = stated.actuals().stream().filter(a -> a.indicator().equals(target.indicator())).findFirst();
            if (actual.isEmpty()) {
                continue;
            }
            BigDecimal completion = actual.get().value().divide(goal, MathContext.DECIMAL128);
            BigDecimal ratio = completion.divide(execution, MathContext.DECIMAL128);
            String level = ratio.compareTo(RED_BELOW) < 0 ? "RED" : ratio.compareTo(YELLOW_BELOW) < 0 ? "YELLOW" : null;
            if (level != null) {
                out.add(new Warning("TARGET-LAGGING-EXECUTION", level,
                        "指标 %s 目标完成 %s%%，预算执行 %s%%，绩效目标进度落后于预算执行（%s预警）".formatted(
                                target.indicator(), pct(completion), pct(execution), "RED".equals(level) ? "红色" : "黄色")));
            }
        }
        return out;
    }

    private static String pct(BigDecimal share) {
        return share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
