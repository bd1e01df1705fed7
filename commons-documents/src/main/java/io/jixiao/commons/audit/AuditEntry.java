package io.jixiao.commons.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of the audit trail (审计留痕). Written once by {@link AuditTrail} and never changed: Hibernate never
 * updates it ({@link Immutable}) and the table's trigger refuses updates and deletes from anyone.
 */
@Entity
@Table(name = "audit_entry")
@Immutable
public class AuditEntry extends PanacheEntityBase {

    @Id
    // ids drawn 50 at a time (the sequence steps by 50): a batch's rows are inserted in batched statements, not one
    // round trip each as with an identity column
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_ids")
    @SequenceGenerator(name = "audit_ids", sequenceName = "audit_entry_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** Null for what belongs to no unit (reference lists, frameworks). */
    @Column(name = "unit_code")
    public String unitCode;

    /** Null for what belongs to no fiscal year (a unit's profile, reference lists, frameworks). */
    @Column(name = "fiscal_year")
    public Integer fiscalYear;

    /** What was done, e.g. {@code budget.put}, {@code unit.put}, {@code report.submit}. */
    @Column(nullable = false)
    public String action;

    /** What was changed, e.g. {@code budget XZ-WXB 2024}. */
    @Column(nullable = false)
    public String target;

    /** The token subject ({@code sub}): the identity, which a user name change does not alter. */
    public String subject;

    @Column(nullable = false)
    public String username;

    /** The OAuth client the token was issued to ({@code azp}): the system the change came from. */
    public String client;

    @Column(name = "request_id")
    public String requestId;

    /** How the change came when not pushed as JSON: {@code workbook sha256:<hex>} for a workbook upload. */
    public String origin;

    /** What changed: [{path, oldValue, newValue}], or the new values / a description where nothing came before. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String changes;
}
