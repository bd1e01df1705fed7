package io.jixiao.commons.workbooks;

import io.jixiao.commons.validation.Money;
import io.jixiao.commons.validation.Percent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document with every kind of cell a unit fills in: what the malformed workbooks are made from. */
@Schema(description = "填报样例：检验工作簿的核验。")
public record Filing(
        @Schema(description = "截至日期：统计时点。必填。") @NotNull LocalDate asOf,
        @Schema(description = "收入合计（元）：= 拨款 + 结转。") @Money BigDecimal total,
        @Schema(description = "拨款（元）：年初下达。") @Money BigDecimal allocation,
        @Schema(description = "结转（元）：上年结转。") @Money BigDecimal carryover,
        @Schema(description = "执行率（%）：如 96.04。") @Percent BigDecimal rate,
        @Schema(description = "编制数（人）：核定编制。") @Min(0) Integer establishment,
        @Schema(description = "是否公开：true 为公开。") Boolean disclosed,
        @Schema(description = "简称：每项一个。") @Size(max = 5) List<@NotBlank @Size(max = 100) String> aliases,
        @Schema(description = "三公：分类。") @Valid Expense expense,
        @Schema(description = "项目：逐项列出。") @Size(max = 20) List<@NotNull @Valid Project> projects,
        @Schema(description = "月度：每月一条。") @Size(max = 12) List<@NotNull @Valid Month> months) {

    public record Expense(
            @Schema(description = "类别：RECEPTION 公务接待费，VEHICLE 公务用车。") Kind kind,
            @Schema(description = "支出（元）：本年支出。") @Money BigDecimal actual) {
    }

    public enum Kind { RECEPTION, VEHICLE }

    public record Project(
            @Schema(description = "项目编码：唯一。必填。") @NotBlank @Size(max = 64) String code,
            @Schema(description = "项目名称：全称。必填。") @NotBlank @Size(max = 200) String name,
            @Schema(description = "项目预算（元）：全年预算。必填。") @NotNull @Money BigDecimal budget,
            @Schema(description = "比较方式：= 等于，>= 不低于。") @Pattern(regexp = "^(=|>=|<=)$") String operator,
            @Schema(description = "其中：分组。") @Size(max = 5) List<@NotNull @Valid Part> parts) {
    }

    public record Part(
            @Schema(description = "名称：分组名称。必填。") @NotBlank String name,
            @Schema(description = "人数（人）。必填。") @NotNull @Min(0) Integer count) {
    }

    public record Month(
            @Schema(description = "月份（1–12）：每月一条。必填。") @NotNull @Min(1) @Max(12) Integer month,
            @Schema(description = "累计支出（元）：至该月末。必填。") @NotNull @Money BigDecimal cumulative) {
    }
}
