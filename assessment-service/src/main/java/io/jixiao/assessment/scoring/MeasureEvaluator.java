package io.jixiao.assessment.scoring;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.parser.ParseException;
import io.jixiao.events.assessment.ScoreSnapshot.Input;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a measure's formula over facts with EvalEx, in {@code BigDecimal}. Every input the formula names is
 * resolved first; a missing one, or a division by zero, makes the measure "not assessable" with the reason — never
 * a silent zero.
 */
public final class MeasureEvaluator {

    /** A measured value with the inputs it came from, or the reason it could not be measured. */
    public record Measured(BigDecimal value, List<Input> inputs, String notAssessableReason) {
    }

    private static final ExpressionConfiguration CONFIG = ExpressionConfiguration.builder()
            .mathContext(MathContext.DECIMAL128)
            .build();

    private MeasureEvaluator() {
    }

    public static Measured evaluate(String formula, List<String> inputPaths, Facts facts, Map<String, String> labels) {
        List<Input> inputs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        for (String path : inputPaths) {
            var resolved = facts.resolve(path);
            if (resolved.isEmpty()) {
                missing.add(labels.getOrDefault(path, path));
                continue;
            }
            var r = resolved.get();
            inputs.add(new Input(path, r.value(), r.fact().source(), r.fact().version()));
            variables.put(path.replace('.', '_'), r.value());
        }
        if (!missing.isEmpty()) {
            return new Measured(null, inputs, "缺少：" + String.join("、", missing));
        }
        String expression = formula;
        // longest paths first, so that a.b.c is replaced before a.b
        for (String path : inputPaths.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            expression = expression.replace(path, path.replace('.', '_'));
        }
        try {
            Expression e = new Expression(expression, CONFIG).withValues(variables);
            if (!e.getUndefinedVariables().isEmpty()) {
                throw new IllegalArgumentException("formula " + formula + " uses figures it does not list as inputs: "
                        + e.getUndefinedVariables());
            }
            return new Measured(e.evaluate().getNumberValue(), inputs, null);
        } catch (EvaluationException ex) {
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            if (message.toLowerCase().contains("division by zero")) {
                return new Measured(null, inputs, "除数为零，无法计算：" + formula);
            }
            return new Measured(null, inputs, "无法计算：" + message);
        } catch (ParseException ex) {
            throw new IllegalArgumentException("formula " + formula + " is not valid: " + ex.getMessage(), ex);
        }
    }
}
