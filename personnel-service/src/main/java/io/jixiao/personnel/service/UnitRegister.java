package io.jixiao.personnel.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jixiao.commons.audit.AuditTrail;
import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.outbox.Outbox;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.UnitSnapshot.Bodies;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.personnel.repository.BodyColumns;
import io.jixiao.personnel.repository.UnitProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The units register: creates and changes unit profiles. Every change bumps the unit's version and puts a
 * {@link UnitSnapshot} into the outbox and an entry into the audit trail (unit-level: no fiscal year) in the same
 * transaction; pushing the same profile again changes nothing.
 */
@ApplicationScoped
public class UnitRegister {

    /** The fields of a unit that a push may set; absent bodies are held as "not disclosed, no names". */
    public record Profile(String name, String region, String level, String parentCode, boolean active,
            List<String> aliases, String functions, Bodies internalBodies, Bodies affiliatedInstitutions,
            Bodies secondedBodies) {

        public Profile {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            internalBodies = normalized(internalBodies);
            affiliatedInstitutions = normalized(affiliatedInstitutions);
            secondedBodies = normalized(secondedBodies);
        }

        private static Bodies normalized(Bodies b) {
            return b == null ? Bodies.none() : new Bodies(b.count(), b.countDisclosed(),
                    b.names() == null ? List.of() : List.copyOf(b.names()));
        }
    }

    /** The result of a push: the unit as held, and whether this push changed it. */
    public record Outcome(UnitProfile unit, boolean changed) {
    }

    private final Outbox outbox;
    private final StoredJson json;
    private final AuditTrail audit;

    public UnitRegister(Outbox outbox, StoredJson json, AuditTrail audit) {
        this.outbox = outbox;
        this.json = json;
        this.audit = audit;
    }

    /** One unit of a batch. */
    public record Item(String unitCode, Profile profile) {
    }

    /**
     * Registers or changes many units in one transaction, all or nothing: a unit named twice, or any unit's profile
     * refused, refuses the batch naming the item.
     */
    @Transactional
    public List<Outcome> putAll(List<Item> items, Actor actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).unitCode())) {
                errors.add(new Problem.FieldError("items[" + i + "].unitCode", "the same unit appears twice in the batch"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                outcomes.add(put(items.get(i).unitCode(), items.get(i).profile(), actor));
            } catch (ProblemException e) {
                String at = "items[" + i + "].profile.";
                throw e.withErrors(e.getMessage(), e.errors().stream()
                        .map(f -> new Problem.FieldError(at + f.field(), f.message())).toList());
            }
        }
        return outcomes;
    }

    @Transactional
    public Outcome put(String unitCode, Profile profile, Actor actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkBodies("internalBodies", profile.internalBodies(), errors);
        checkBodies("affiliatedInstitutions", profile.affiliatedInstitutions(), errors);
        checkBodies("secondedBodies", profile.secondedBodies(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        UnitProfile unit = UnitProfile.findById(unitCode, LockModeType.PESSIMISTIC_WRITE);
        if (unit != null && sameAs(unit, profile)) {
            return new Outcome(unit, false);
        }
        UnitSnapshot before = unit == null ? null : snapshot(unit);
        if (unit == null) {
            unit = new UnitProfile();
            unit.unitCode = unitCode;
            unit.version = 0;
        }
        unit.name = profile.name();
        unit.region = profile.region();
        unit.level = profile.level();
        unit.parentCode = profile.parentCode();
        unit.active = profile.active();
        unit.aliases = writeNames(profile.aliases());
        unit.functions = profile.functions();
        hold(unit.internalBodies, profile.internalBodies());
        hold(unit.affiliatedInstitutions, profile.affiliatedInstitutions());
        hold(unit.secondedBodies, profile.secondedBodies());
        unit.version++;
        unit.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        unit.updatedBy = actor.name();
        unit.source = actor.source();
        unit.persist();
        UnitSnapshot after = snapshot(unit);
        audit.record("unit.put", unitCode, null, "unit " + unitCode, actor, audit.diff(before, after));
        outbox.add(Topics.UNITS, new EventEnvelope<>(UUID.randomUUID(), UnitSnapshot.TYPE, unitCode, unit.version,
                unit.updatedAt.toInstant(), actor.source(), actor.name(), after));
        return new Outcome(unit, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitProfile> find(String unitCode) {
        return UnitProfile.findByIdOptional(unitCode);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UnitProfile> all() {
        return UnitProfile.listAll(io.quarkus.panache.common.Sort.by("unitCode"));
    }

    public UnitSnapshot snapshot(UnitProfile unit) {
        return new UnitSnapshot(unit.unitCode, unit.name, unit.region, unit.level, unit.parentCode, unit.active,
                readNames(unit.aliases), unit.functions, bodies(unit.internalBodies),
                bodies(unit.affiliatedInstitutions), bodies(unit.secondedBodies));
    }

    /** Bodies of one kind (内设机构, 所属事业单位, 派驻机构) as held. */
    private Bodies bodies(BodyColumns held) {
        return new Bodies(held.count, held.disclosed, readNames(held.names));
    }

    private void hold(BodyColumns held, Bodies bodies) {
        held.count = bodies.count();
        held.disclosed = bodies.countDisclosed();
        held.names = writeNames(bodies.names());
    }

    /**
     * A disclosed count needs a value and a withheld one must not have one (so "not disclosed" never reads as 0);
     * a disclosed count cannot be smaller than the names listed.
     */
    static void checkBodies(String field, Bodies bodies, List<Problem.FieldError> errors) {
        if (bodies.countDisclosed() && bodies.count() == null) {
            errors.add(new Problem.FieldError(field + ".count", "a disclosed count needs a value"));
        } else if (!bodies.countDisclosed() && bodies.count() != null) {
            errors.add(new Problem.FieldError(field + ".count",
                    "must be null when the count is not disclosed (disclosed=false)"));
        } else if (bodies.count() != null && bodies.count() < bodies.names().size()) {
            errors.add(new Problem.FieldError(field + ".count",
                    "is smaller than the " + bodies.names().size() + " names listed"));
        }
    }

    public List<String> readNames(String names) {
        return json.read(names, new TypeReference<List<String>>() { });
    }

    private String writeNames(List<String> names) {
        return json.write(names == null ? List.of() : names);
    }

    private boolean sameAs(UnitProfile unit, Profile p) {
        return Objects.equals(unit.name, p.name()) && Objects.equals(unit.region, p.region())
                && Objects.equals(unit.level, p.level()) && Objects.equals(unit.parentCode, p.parentCode())
                && unit.active == p.active()
                && readNames(unit.aliases).equals(p.aliases())
                && Objects.equals(unit.functions, p.functions())
                && bodies(unit.internalBodies).equals(p.internalBodies())
                && bodies(unit.affiliatedInstitutions).equals(p.affiliatedInstitutions())
                && bodies(unit.secondedBodies).equals(p.secondedBodies());
    }
}
