package io.jixiao.commons.documents;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a unit-year document, immutable: the audit trail (who, when, from where, old and new values). The
 * table refuses updates and deletes (each service's {@code V…__document_history_subject_append_only.sql}).
 */
@Entity
@Table(name = "unit_year_document_history")
@Immutable
public class DocumentVersion extends PanacheEntityBase {

    @Id
    // ids drawn 50 at a time (the sequence steps by 50): a batch's rows are inserted in batched statements, not one
    // round trip each as with an identity column
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "history_ids")
    @SequenceGenerator(name = "history_ids", sequenceName = "unit_year_document_history_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String body;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String findings;

    /** The field-level changes against the previous version: [{path, old, new}]. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String changes;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** The token subject of who changed it; null in versions stored before it was recorded. */
    @Column(name = "changed_by_subject")
    public String changedBySubject;

    @Column(nullable = false)
    public String source;

    @Column(name = "request_id")
    public String requestId;

    /** How the version came when not pushed as JSON: {@code workbook sha256:<hex>} for a workbook upload. */
    public String origin;
}
