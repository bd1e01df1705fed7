package io.jixiao.report.service;

/**
 * Something a unit-year's report is made of changed: an upstream snapshot, the narratives, an explanation, the
 * unit's profile. Fired in the transaction of the change; {@link ContentState} observes it.
 *
 * @param reason what changed, for the workflow log (e.g. {@code upstream budget v3}, {@code narratives v2})
 */
public record ReportContentChanged(String unitCode, int fiscalYear, String reason) {
}
