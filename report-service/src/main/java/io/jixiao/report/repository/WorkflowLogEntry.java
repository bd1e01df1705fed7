package io.jixiao.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One workflow transition: who did what, when, from which system (审核记录). */
@Entity
@Table(name = "report_workflow_log")
public class WorkflowLogEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "fiscal_year", nullable = false)
    public int fiscalYear;

    @Column(nullable = false)
    public String action;

    @Column(name = "status_from")
    public String statusFrom;

    @Column(name = "status_to", nullable = false)
    public String statusTo;

    public Integer version;

    public String comment;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public OffsetDateTime at;
}
