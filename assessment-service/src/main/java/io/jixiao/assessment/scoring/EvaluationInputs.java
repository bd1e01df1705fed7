package io.jixiao.assessment.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a unit states for its self-evaluation of a year (自评): performance targets (绩效目标) and actual values of the
 * indicators measured by hand, qualitative ratings, checklist answers and violations, each with evidence; its own
 * self-evaluation table (declared scores and total) and the deviation explanations (偏差原因分析及改进措施).
 */
public record EvaluationInputs(
        @Size(max = 300) List<@NotNull @Valid TargetValue> targets,
        @Size(max = 300) List<@NotNull @Valid ActualValue> actuals,
        @Size(max = 300) List<@NotNull @Valid RatingValue> ratings,
        @Size(max = 300) List<@NotNull @Valid ChecklistValue> checklists,
        @Size(max = 300) List<@NotNull @Valid ViolationValue> violations,
        @Valid Declaration declared,
        @Size(max = 300) List<@NotNull @Valid Deviation> deviations) {

    static final String CODE = "^\\d+(\\.\\d+){0,2}$";

    /** 绩效目标: an indicator's target as set at the start of the year (年初指标值), and as adjusted. */
    public record TargetValue(
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @NotNull @Pattern(regexp = "^(=|>=|<=)$", message = "must be =, >= or <=") String operator,
            @Size(max = 20) String unitOfMeasure,
            @NotNull @Digits(integer = 13, fraction = 4) BigDecimal targetValue,
            @Digits(integer = 13, fraction = 4) BigDecimal adjustedValue) {
    }

    /** An actual value the unit states, with its evidence. */
    public record ActualValue(
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @NotNull @Digits(integer = 13, fraction = 4) BigDecimal value,
            @Size(max = 2000) String evidence) {
    }

    /** A qualitative self-rating with its evidence. */
    public record RatingValue(
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @NotNull ScoringInput.Level level,
            @DecimalMin("0") @DecimalMax("100") BigDecimal percent,
            @NotBlank @Size(max = 2000) String evidence) {
    }

    /** Which checklist items were met. */
    public record ChecklistValue(
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @NotNull @Size(max = 50) List<@NotBlank String> itemsMet,
            @Size(max = 2000) String evidence) {
    }

    /** How many violations were found. */
    public record ViolationValue(
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @NotNull @PositiveOrZero Integer count,
            @Size(max = 2000) String evidence) {
    }

    /** The unit's own self-evaluation table: its total (the seed declares 95) and per-indicator scores. */
    public record Declaration(
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal total,
            @Size(max = 300) List<@NotNull @Valid DeclaredScore> scores) {
    }

    /** A declared score of one indicator. */
    public record DeclaredScore(
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @NotNull @DecimalMin("0") @Digits(integer = 3, fraction = 2) BigDecimal score) {
    }

    /** 偏差原因分析及改进措施 of one indicator. */
    public record Deviation(
            @NotBlank @Pattern(regexp = CODE) String indicator,
            @NotBlank @Size(max = 4000) String explanation) {
    }

    public static EvaluationInputs empty() {
        return new EvaluationInputs(List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());
    }
}
