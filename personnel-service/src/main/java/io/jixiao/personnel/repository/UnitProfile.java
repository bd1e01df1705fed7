package io.jixiao.personnel.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A budget unit (预算单位) in the units register. */
@Entity
@Table(name = "unit_profile")
public class UnitProfile extends PanacheEntityBase {

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Column(nullable = false)
    public String name;

    public String region;

    /** Administrative level: 省级, 市级, 县级 … */
    public String level;

    /** The supervising department (主管部门). */
    @Column(name = "parent_code")
    public String parentCode;

    @Column(nullable = false)
    public boolean active;

    /** Other names (简称), as a JSON array. */
    @Column(nullable = false)
    public String aliases;

    /** 主要职能, as text. */
    public String functions;

    /** 内设机构. */
    @Embedded
    @AttributeOverride(name = "count", column = @Column(name = "internal_bodies_count"))
    @AttributeOverride(name = "disclosed", column = @Column(name = "internal_bodies_disclosed", nullable = false))
    @AttributeOverride(name = "names", column = @Column(name = "internal_bodies_names", nullable = false))
    public BodyColumns internalBodies = new BodyColumns();

    /** 所属事业单位. */
    @Embedded
    @AttributeOverride(name = "count", column = @Column(name = "affiliated_institutions_count"))
    @AttributeOverride(name = "disclosed",
            column = @Column(name = "affiliated_institutions_disclosed", nullable = false))
    @AttributeOverride(name = "names", column = @Column(name = "affiliated_institutions_names", nullable = false))
    public BodyColumns affiliatedInstitutions = new BodyColumns();

    /** 派驻机构. */
    @Embedded
    @AttributeOverride(name = "count", column = @Column(name = "seconded_bodies_count"))
    @AttributeOverride(name = "disclosed", column = @Column(name = "seconded_bodies_disclosed", nullable = false))
    @AttributeOverride(name = "names", column = @Column(name = "seconded_bodies_names", nullable = false))
    public BodyColumns secondedBodies = new BodyColumns();

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(nullable = false)
    public String source;
}
