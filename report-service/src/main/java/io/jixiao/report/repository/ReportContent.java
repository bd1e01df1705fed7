package io.jixiao.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * What a unit-year's report with a submitted version says now, kept when its content changes, for views that render
 * nothing (a report never submitted has none: its content is worked out when asked).
 */
@Entity
@Table(name = "report_content")
public class ReportContent extends PanacheEntityBase {

    @EmbeddedId
    public ReportWorkflow.Key key;

    /** SHA-256 of the internal report as JSON: compared with the last submitted version's. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    /** The rule ids of ERROR findings neither corrected nor explained. */
    @Column(nullable = false)
    public String[] blocking;

    /** What the report's scores do not rest on yet, in words. */
    @Column(name = "score_pending", nullable = false)
    public String[] scorePending;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
