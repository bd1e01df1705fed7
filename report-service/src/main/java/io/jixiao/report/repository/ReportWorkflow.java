package io.jixiao.report.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Where a unit-year's report stands in its workflow (报送流程). */
@Entity
@Table(name = "report_workflow")
public class ReportWorkflow extends PanacheEntityBase {

    /** The workflow states, each with its Chinese name. */
    public enum Status {
        /** 草稿: being written; also after a change to a submitted report */
        DRAFT("草稿"),
        /** 已报送: submitted by the unit's approver, awaiting finance */
        SUBMITTED("已报送"),
        /** 已退回: returned by finance with comments */
        RETURNED("已退回"),
        /** 已审核: accepted by finance */
        ACCEPTED("已审核"),
        /** 已公开: published */
        PUBLISHED("已公开");

        private final String chinese;

        Status(String chinese) {
            this.chinese = chinese;
        }

        /** The state's Chinese name, as finance's lists and workbooks show it. */
        public String chinese() {
            return chinese;
        }
    }

    /** Unit and fiscal year. */
    @Embeddable
    public record Key(@Column(name = "unit_code") String unitCode, @Column(name = "fiscal_year") int fiscalYear)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The number of the last submitted version, if any. */
    @Column(name = "latest_version")
    public Integer latestVersion;

    /** Finance's comments when it returned the report. */
    @Column(name = "review_comment")
    public String reviewComment;

    /** 决算批复 date. */
    @Column(name = "approval_date")
    public LocalDate approvalDate;

    /** approvalDate + the publication period (20 days). */
    @Column(name = "publication_due")
    public LocalDate publicationDue;

    @Column(name = "published_version")
    public Integer publishedVersion;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The version of the last {@code report.status} event published for this unit-year. */
    @Column(name = "event_version", nullable = false)
    public long eventVersion;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
}
