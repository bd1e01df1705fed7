package io.jixiao.events.findings;

/** How much a finding weighs (DESIGN §6). */
public enum Severity {
    /** Well-formed figures that contradict each other: blocks submission until corrected or explained. */
    ERROR,
    /** Plausible but suspicious: a breakdown that explains only part of a total, a rate far off the calendar. */
    WARNING,
    /** A check that could not be made because a figure is missing. */
    INFO
}
