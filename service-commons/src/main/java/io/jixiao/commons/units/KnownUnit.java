package io.jixiao.commons.units;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * This service's read model of the units register (owned by personnel-service), kept from
 * {@code units.snapshots}. A figure for a unit that is not known here is refused as "unknown unit".
 */
@Entity
@Table(name = "known_unit")
public class KnownUnit extends PanacheEntityBase {

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Column(nullable = false)
    public String name;

    public String region;

    public String level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(nullable = false)
    public boolean active;

    /** The version of the last applied {@code units.snapshots} event. */
    @Column(nullable = false)
    public long version;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The whole {@link io.jixiao.events.UnitSnapshot} as last applied, as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;
}
