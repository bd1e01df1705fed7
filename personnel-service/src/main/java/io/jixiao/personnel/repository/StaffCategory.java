package io.jixiao.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A staff category (人员类别) staff documents name by code, e.g. {@code civil-servant} 行政公务员. */
@Entity
@Table(name = "staff_category")
public class StaffCategory extends PanacheEntityBase {

    @Id
    public String code;

    /** The Chinese name the report prints. */
    @Column(nullable = false)
    public String name;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
