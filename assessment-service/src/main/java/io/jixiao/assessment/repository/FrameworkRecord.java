package io.jixiao.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A framework version as loaded; never changed in place (a change is a new version). */
@Entity
@Table(name = "framework")
public class FrameworkRecord extends PanacheEntityBase {

    /** Id and version. */
    @Embeddable
    public record Key(@Column(name = "id") String id, @Column(name = "version") int version) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

    /** Comma-separated regions, {@code *} for all. */
    @Column(nullable = false)
    public String regions;

    @Column(name = "from_year", nullable = false)
    public int fromYear;

    @Column(name = "to_year", nullable = false)
    public int toYear;

    @Column(nullable = false)
    public int priority;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String definition;

    @Column(name = "loaded_at", nullable = false)
    public OffsetDateTime loadedAt;

    @Column(name = "loaded_by", nullable = false)
    public String loadedBy;
}
