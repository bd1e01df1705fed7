package io.jixiao.commons.documents;

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

/** The current version of a unit-year document, stored as pushed (JSON, exact decimals) with its findings. */
@Entity
@Table(name = "unit_year_document")
public class StoredDocument extends PanacheEntityBase {

    /** Kind, unit and fiscal year. */
    @Embeddable
    public record Key(@Column(name = "kind") String kind, @Column(name = "unit_code") String unitCode,
            @Column(name = "fiscal_year") int fiscalYear) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String body;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String findings;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(nullable = false)
    public String source;

    @Column(name = "request_id")
    public String requestId;
}
