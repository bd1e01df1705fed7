package io.jixiao.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/** One indicator's score of a unit-year, for comparisons across units. */
@Entity
@Table(name = "indicator_score")
public class IndicatorScore extends PanacheEntityBase {

    /** Unit, year and indicator code. */
    @Embeddable
    public record Key(@Column(name = "unit_code") String unitCode, @Column(name = "fiscal_year") int fiscalYear,
            @Column(name = "code") String code) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public BigDecimal score;

    @Column(name = "actual_value")
    public BigDecimal actualValue;

    @Column(nullable = false)
    public boolean assessable;

    /** The unit's region, level and grade, copied for rankings by indicator. */
    public String region;

    public String level;

    public String grade;
}
