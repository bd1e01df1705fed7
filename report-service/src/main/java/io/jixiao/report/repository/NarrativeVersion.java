package io.jixiao.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a unit-year's narratives, immutable: the audit trail. */
@Entity
@Table(name = "narrative_history")
public class NarrativeVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String body;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(nullable = false)
    public String source;

    @Column(name = "request_id")
    public String requestId;
}
