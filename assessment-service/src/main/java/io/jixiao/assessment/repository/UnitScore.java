package io.jixiao.assessment.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A unit-year's computed self-evaluation: total, grade and the whole traceable result. */
@Entity
@Table(name = "unit_score")
public class UnitScore extends PanacheEntityBase {

    /** Unit and year. */
    @Embeddable
    public record Key(@Column(name = "unit_code") String unitCode, @Column(name = "fiscal_year") int fiscalYear)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** SCORED, INCOMPLETE (待补充: below the coverage threshold), or why the unit-year is not scored yet ({@link io.jixiao.events.assessment.ScoreSnapshot.Status}). */
    @Column(nullable = false)
    public String status;

    /** The framework scored with; null while not scored. */
    @Column(name = "framework_id")
    public String frameworkId;

    @Column(name = "framework_version")
    public Integer frameworkVersion;

    /** The computed total; null while not scored. */
    public BigDecimal total;

    /** 优/良/中/差; null unless the coverage reaches the framework's threshold. */
    public String grade;

    /** Assessed weight ÷ total weight, in percent; null while not scored. */
    @Column(name = "coverage_percent")
    public BigDecimal coveragePercent;

    @Column(name = "declared_total")
    public BigDecimal declaredTotal;

    public String region;

    public String level;

    @Column(name = "error_findings", nullable = false)
    public int errorFindings;

    /** The most severe monitoring warning: RED, YELLOW or null. */
    @Column(name = "warning_level")
    public String warningLevel;

    /** The {@link io.jixiao.events.assessment.ScoreSnapshot} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String result;

    @Column(nullable = false)
    public long version;

    @Column(name = "computed_at", nullable = false)
    public OffsetDateTime computedAt;
}
