package io.jixiao.commons.workbook;

import io.jixiao.commons.validation.Money;
import io.jixiao.commons.validation.Percent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document with every kind of field a workbook must carry. */
@Schema(description = "样例文档：用于检验工作簿的读写。")
public record Sample(
        @Schema(description = "截至日期：统计时点。必填。") @NotNull LocalDate asOf,
        @Schema(description = "合计（元）：= 甲 + 乙 − 丙。") @Money BigDecimal total,
        @Schema(description = "甲（元）：第一项。") @Money BigDecimal a,
        @Schema(description = "乙（元）：第二项。") @Money BigDecimal b,
        @Schema(description = "丙（元）：减项。") @Money BigDecimal c,
        @Schema(description = "执行率（%）：如 96.04。") @Percent BigDecimal rate,
        @Schema(description = "人数（人）：在职人数。") Integer headcount,
        @Schema(description = "是否公开：true 为公开。") Boolean disclosed,
        @Schema(description = "简称：每项一个。") @Size(max = 5) List<@NotBlank @Size(max = 100) String> aliases,
        @Schema(description = "问题：每项一段。") @Size(max = 10) List<@NotBlank @Size(max = 3000) String> problems,
        @Schema(description = "分组：嵌套的数字。") @Valid Group group,
        @Schema(description = "明细：逐项列出。") @Size(max = 20) List<@NotNull @Valid Item> items) {

    public record Group(
            @Schema(description = "预算数（元）：该类预算。") @Money BigDecimal budget,
            @Schema(description = "类别：ALPHA 第一类，BETA 第二类。") Kind kind) {
    }

    public enum Kind { ALPHA, BETA }

    public record Item(
            @Schema(description = "编码：科目编码。必填。") @NotBlank String code,
            @Schema(description = "金额（元）：该项金额。必填。") @NotNull @Money BigDecimal amount,
            @Schema(description = "比较方式：= 等于，>= 不低于。") @Pattern(regexp = "^(=|>=|<=)$") String operator,
            @Schema(description = "其中：该项的分组。") @Size(max = 5) List<@NotNull @Valid Part> parts) {
    }

    public record Part(
            @Schema(description = "名称：分组名称。必填。") @NotBlank String name,
            @Schema(description = "人数（人）。必填。") @NotNull Integer count) {
    }
}
