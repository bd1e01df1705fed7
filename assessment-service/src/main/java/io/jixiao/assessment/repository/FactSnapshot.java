package io.jixiao.assessment.repository;

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

/** The latest version of a fact document (budget, staff, assets) of a unit-year, as its event carried it. */
@Entity
@Table(name = "fact_snapshot")
public class FactSnapshot extends PanacheEntityBase {

    /** Unit, year and kind of fact. */
    @Embeddable
    public record Key(@Column(name = "unit_code") String unitCode, @Column(name = "fiscal_year") int fiscalYear,
            @Column(name = "kind") String kind) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public long version;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String payload;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
