package io.jixiao.commons.work;

/** A unit-year waiting to be worked on (its report assembled, its scores computed), and why. */
public record WorkItem(String unitCode, int fiscalYear, String cause) {
}
