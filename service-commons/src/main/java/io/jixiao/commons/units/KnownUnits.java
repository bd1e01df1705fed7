package io.jixiao.commons.units;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.UnitSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Applies unit snapshots to the local read model, idempotently by version. */
@ApplicationScoped
public class KnownUnits {

    private final ObjectMapper mapper;

    public KnownUnits(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Applies the event if it is newer than what is held; returns whether it changed anything.
     * Duplicates and replays of older versions are ignored.
     */
    @Transactional
    public boolean apply(EventEnvelope<UnitSnapshot> event) {
        UnitSnapshot unit = event.payload();
        if (!event.key().equals(unit.unitCode())) {
            throw new io.jixiao.commons.messaging.PoisonMessageException(
                    "event key " + event.key() + " does not match unit code " + unit.unitCode());
        }
        KnownUnit held = KnownUnit.findById(unit.unitCode());
        if (held != null && held.version >= event.version()) {
            return false;
        }
        if (held == null) {
            held = new KnownUnit();
            held.unitCode = unit.unitCode();
        }
        held.name = unit.name();
        held.region = unit.region();
        held.level = unit.level();
        held.parentCode = unit.parentCode();
        held.active = unit.active();
        held.version = event.version();
        held.eventId = event.eventId();
        held.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            held.snapshot = mapper.writeValueAsString(unit);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        held.persist();
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownUnit> find(String unitCode) {
        return KnownUnit.findByIdOptional(unitCode);
    }

    /** The unit as this service knows it, or a 404 "unknown unit" problem. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownUnit require(String unitCode) {
        return find(unitCode).orElseThrow(() -> io.jixiao.commons.problem.ProblemException.unknownUnit(unitCode));
    }

    /** The unit's whole profile as last published, if known. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitSnapshot> profile(String unitCode) {
        return find(unitCode).filter(u -> u.snapshot != null).map(u -> {
            try {
                return mapper.readValue(u.snapshot, UnitSnapshot.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored unit profile is unreadable", e);
            }
        });
    }
}
