package io.jixiao.events.findings;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How much a finding weighs (DESIGN §6). */
@Schema(description = "核对问题级别：ERROR 错误（未更正或说明前阻止报告提交），WARNING 警告，INFO 提示（因数字缺失未能核对）。")
public enum Severity {
    /** Well-formed figures that contradict each other: blocks submission until corrected or explained. */
    ERROR,
    /** Plausible but suspicious: a breakdown that explains only part of a total, a rate far off the calendar. */
    WARNING,
    /** A check that could not be made because a figure is missing. */
    INFO
}
