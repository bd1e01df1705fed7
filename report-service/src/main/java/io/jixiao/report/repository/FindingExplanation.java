package io.jixiao.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** The unit's explanation of a finding (情况说明): an explained error no longer blocks submission. */
@Entity
@Table(name = "finding_explanation")
public class FindingExplanation extends PanacheEntityBase {

    /** Unit, fiscal year and rule. */
    @Embeddable
    public record Key(@Column(name = "unit_code") String unitCode, @Column(name = "fiscal_year") int fiscalYear,
            @Column(name = "rule_id") String ruleId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String explanation;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(nullable = false)
    public String source;
}
