package io.jixiao.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A submitted version of a report: immutable, numbered, hashed (SHA-256 of {@link #content}). */
@Entity
@Table(name = "report_version")
public class ReportVersion extends PanacheEntityBase {

    /** Unit, fiscal year and version number. */
    @Embeddable
    public record Key(@Column(name = "unit_code") String unitCode, @Column(name = "fiscal_year") int fiscalYear,
            @Column(name = "number") int number) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** The internal report model as JSON, exactly the text that was hashed. */
    @Column(nullable = false)
    public String content;

    /** The public report model (without findings) as JSON. */
    @Column(name = "public_content", nullable = false)
    public String publicContent;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(nullable = false)
    public String source;

    /** The last submitted version of a unit-year's report, if any. */
    public static Optional<ReportVersion> latestOf(ReportWorkflow w) {
        if (w.latestVersion == null) {
            return Optional.empty();
        }
        return findByIdOptional(new Key(w.key.unitCode(), w.key.fiscalYear(), w.latestVersion));
    }
}
