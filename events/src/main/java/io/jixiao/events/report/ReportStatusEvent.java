package io.jixiao.events.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Where a unit-year's self-evaluation report stands in its workflow; topic {@link io.jixiao.events.Topics#REPORT_STATUS},
 * keyed {@code unitCode:fiscalYear}.
 *
 * @param status            DRAFT, SUBMITTED, RETURNED, ACCEPTED or PUBLISHED
 * @param submittedVersion  the number of the last submitted version, if any
 * @param contentHash       SHA-256 of the last submitted version's content
 * @param approvalDate      the date of the final-accounts approval (决算批复), once known
 * @param publicationDue    approvalDate + 20 days
 * @param publishedAt       when it was published
 */
public record ReportStatusEvent(String unitCode, int fiscalYear, String status, Integer submittedVersion,
        String contentHash, LocalDate approvalDate, LocalDate publicationDue, OffsetDateTime publishedAt) {

    public static final String TYPE = "report.status";
}
