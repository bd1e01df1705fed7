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

/** The first answer given to an {@code Idempotency-Key}, returned again for a repeat of the same request. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    /** The caller and its key. */
    @Embeddable
    public record Key(@Column(name = "principal") String principal, @Column(name = "idem_key") String key)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String response;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
