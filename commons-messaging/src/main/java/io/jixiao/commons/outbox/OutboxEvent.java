package io.jixiao.commons.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One event waiting in (or already relayed from) the transactional outbox. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    // ids drawn 50 at a time (the sequence steps by 50): a batch's rows are inserted in batched statements, not one
    // round trip each as with an identity column
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_ids")
    @SequenceGenerator(name = "outbox_ids", sequenceName = "outbox_event_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String eventKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The serialized {@link io.jixiao.events.EventEnvelope}, exactly as it is sent. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    public static long pendingCount() {
        return count("publishedAt is null");
    }
}
