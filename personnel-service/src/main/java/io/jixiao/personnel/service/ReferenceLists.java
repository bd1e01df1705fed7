package io.jixiao.personnel.service;

import io.jixiao.commons.audit.AuditTrail;
import io.jixiao.commons.security.Actor;
import io.jixiao.personnel.repository.MovementKind.Direction;
import io.jixiao.personnel.repository.MovementKind;
import io.jixiao.personnel.repository.StaffCategory;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.FlushMode;
import org.hibernate.jpa.HibernateHints;

/**
 * The configurable code lists staff documents name: staff categories (人员类别) and movement kinds (人员变动类型).
 * Seeded by Flyway, changed by an administrator; never an enum frozen in code. Every change is in the audit trail
 * (no unit, no year).
 */
@ApplicationScoped
public class ReferenceLists {

    /** What an entry of a list holds, as the audit trail compares it. */
    record CategoryValues(String name, int sortOrder) {
    }

    record MovementKindValues(String name, Direction direction, int sortOrder) {
    }

    private final AuditTrail audit;

    public ReferenceLists(AuditTrail audit) {
        this.audit = audit;
    }

    /*
     * The lists are read without flushing first: every staff document of a batch reads them, and a flush before each
     * read made Hibernate check every entity the batch had stored so far (500 documents' rows, each time: a batch cost
     * grew with the square of its size, 40 % of personnel-service's CPU under the province benchmark). Nothing stores
     * a list entry and reads the lists in one transaction.
     */

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffCategory> categories() {
        return StaffCategory.<StaffCategory>findAll(Sort.by("sortOrder").and("code"))
                .withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MovementKind> movementKinds() {
        return MovementKind.<MovementKind>findAll(Sort.by("sortOrder").and("code"))
                .withHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.COMMIT).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> categoryCodes() {
        return categories().stream().map(c -> c.code).collect(Collectors.toSet());
    }

    /** Each movement kind's direction, by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Direction> directions() {
        Map<String, Direction> directions = new LinkedHashMap<>();
        for (MovementKind kind : movementKinds()) {
            directions.put(kind.code, kind.direction);
        }
        return directions;
    }

    /** Adds a staff category or changes its name or place; returns it as held. */
    @Transactional
    public StaffCategory putCategory(String code, String name, int sortOrder, Actor actor) {
        StaffCategory category = StaffCategory.findById(code);
        CategoryValues before = category == null ? null : new CategoryValues(category.name, category.sortOrder);
        if (category == null) {
            category = new StaffCategory();
            category.code = code;
        } else if (category.name.equals(name) && category.sortOrder == sortOrder) {
            return category;
        }
        category.name = name;
        category.sortOrder = sortOrder;
        category.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        category.updatedBy = actor.name();
        category.persist();
        audit.record("staff-category.put", null, null, "staff-category " + code, actor,
                audit.diff(before, new CategoryValues(name, sortOrder)));
        return category;
    }

    /**
     * Adds a movement kind or changes its name, direction or place; returns it as held. A changed direction applies
     * to documents pushed from then on; documents already held keep the findings they were stored with.
     */
    @Transactional
    public MovementKind putMovementKind(String code, String name, Direction direction, int sortOrder, Actor actor) {
        MovementKind kind = MovementKind.findById(code);
        MovementKindValues before = kind == null ? null
                : new MovementKindValues(kind.name, kind.direction, kind.sortOrder);
        if (kind == null) {
            kind = new MovementKind();
            kind.code = code;
        } else if (kind.name.equals(name) && kind.direction == direction && kind.sortOrder == sortOrder) {
            return kind;
        }
        kind.name = name;
        kind.direction = direction;
        kind.sortOrder = sortOrder;
        kind.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        kind.updatedBy = actor.name();
        kind.persist();
        audit.record("movement-kind.put", null, null, "movement-kind " + code, actor,
                audit.diff(before, new MovementKindValues(name, direction, sortOrder)));
        return kind;
    }
}
