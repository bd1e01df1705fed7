package io.jixiao.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A kind of staff movement (人员变动类型), e.g. {@code transfer-out} 调出, with its direction. */
@Entity
@Table(name = "movement_kind")
public class MovementKind extends PanacheEntityBase {

    /** Whether a movement adds to (IN: 招聘, 调入 …) or takes from (OUT: 调出, 退休 …) the in-service headcount. */
    public enum Direction {
        IN, OUT
    }

    @Id
    public String code;

    /** The Chinese name the report prints. */
    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
