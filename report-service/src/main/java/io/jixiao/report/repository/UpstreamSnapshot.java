package io.jixiao.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The newest snapshot of one kind (budget, personnel, assets, scores) received for a unit-year, kept whole. */
@Entity
@Table(name = "upstream_snapshot")
public class UpstreamSnapshot extends PanacheEntityBase {

    /** Kind, unit and fiscal year. */
    @Embeddable
    public record Key(@Column(name = "kind") String kind, @Column(name = "unit_code") String unitCode,
            @Column(name = "fiscal_year") int fiscalYear) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public long version;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** The system the change came from, as the event says. */
    public String source;

    public String actor;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** The event's payload (the whole snapshot) as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "applied_at", nullable = false)
    public OffsetDateTime appliedAt;
}
