package io.jixiao.personnel.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.outbox.Outbox;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.personnel.repository.UnitProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The units register: creates and changes unit profiles. Every change bumps the unit's version and puts a
 * {@link UnitSnapshot} into the outbox in the same transaction; pushing the same profile again changes nothing.
 */
@ApplicationScoped
public class UnitRegister {

    /** The fields of a unit that a push may set. */
    public record Profile(String name, String region, String level, String parentCode, boolean active,
            List<String> aliases) {
    }

    /** The result of a push: the unit as held, and whether this push changed it. */
    public record Outcome(UnitProfile unit, boolean changed) {
    }

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public UnitRegister(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Transactional
    public Outcome put(String unitCode, Profile profile, String actor, String source) {
        UnitProfile unit = UnitProfile.findById(unitCode, LockModeType.PESSIMISTIC_WRITE);
        if (unit != null && sameAs(unit, profile)) {
            return new Outcome(unit, false);
        }
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
        unit.aliases = writeAliases(profile.aliases());
        unit.version++;
        unit.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        unit.updatedBy = actor;
        unit.source = source;
        unit.persist();
        outbox.add(Topics.UNITS, new EventEnvelope<>(UUID.randomUUID(), UnitSnapshot.TYPE, unitCode, unit.version,
                unit.updatedAt.toInstant(), source, actor, snapshot(unit)));
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
                readAliases(unit.aliases));
    }

    public List<String> readAliases(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored aliases are not JSON: " + json, e);
        }
    }

    private String writeAliases(List<String> aliases) {
        try {
            return mapper.writeValueAsString(aliases == null ? List.of() : aliases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean sameAs(UnitProfile unit, Profile p) {
        return Objects.equals(unit.name, p.name()) && Objects.equals(unit.region, p.region())
                && Objects.equals(unit.level, p.level()) && Objects.equals(unit.parentCode, p.parentCode())
                && unit.active == p.active()
                && readAliases(unit.aliases).equals(p.aliases() == null ? List.of() : p.aliases());
    }
}
