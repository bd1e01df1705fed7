package io.jixiao.commons.units;

import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.messaging.ReadModelStore;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.UnitSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The local read model of units, kept from unit snapshots through the {@link io.jixiao.commons.messaging.Inbox} (newer
 * versions only). Each applied change is announced as a {@link UnitChanged} CDI event in the same transaction, for
 * what a service derives from a unit (assessment-service scores a unit's held facts once the unit arrives).
 */
@ApplicationScoped
public class KnownUnits implements ReadModelStore<UnitSnapshot> {

    /** A unit's profile was applied (first arrival or a newer version). */
    public record UnitChanged(String unitCode, long version, boolean firstArrival) {
    }

    /** How long a unit registered a moment ago may take to arrive here: a client's wait ({@code Retry-After}). */
    static final int ARRIVAL_SECONDS = 2;

    private final StoredJson json;
    private final Event<UnitChanged> changed;
    private final String service;

    public KnownUnits(StoredJson json, Event<UnitChanged> changed,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.json = json;
        this.changed = changed;
        this.service = service;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong heldVersion(UnitSnapshot unit) {
        return find(unit.unitCode()).map(u -> OptionalLong.of(u.version)).orElse(OptionalLong.empty());
    }

    /** Stores the unit's profile and announces it as a {@link UnitChanged} (called by the inbox). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(EventEnvelope<UnitSnapshot> event) {
        UnitSnapshot unit = event.payload();
        KnownUnit held = KnownUnit.findById(unit.unitCode());
        boolean firstArrival = held == null;
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
        held.snapshot = json.write(unit);
        held.persist();
        changed.fire(new UnitChanged(unit.unitCode(), event.version(), firstArrival));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownUnit> find(String unitCode) {
        return KnownUnit.findByIdOptional(unitCode);
    }

    /**
     * The unit as this service knows it, for reading its data; a 404 "unknown unit" problem when this service has not
     * received it (it holds nothing of a unit it does not know).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownUnit require(String unitCode) {
        return find(unitCode).orElseThrow(() -> new ProblemException(ProblemType.UNKNOWN_UNIT,
                service + " knows no unit " + unitCode + " (units reach it from the units register "
                        + "within seconds of their registration)",
                List.of(new Problem.FieldError("unitCode", "unknown to " + service))));
    }

    /**
     * The unit as this service knows it, for changing its figures. Units reach this service from the units register
     * (personnel-service) as events, so a unit registered a moment ago may not have arrived yet: an unknown unit is a
     * 409 with {@code Retry-After}, saying so, never "not registered", which this service cannot know.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownUnit requireForChange(String unitCode) {
        return find(unitCode).orElseThrow(() -> new ProblemException(ProblemType.UNIT_NOT_YET_KNOWN,
                "unit " + unitCode + " has not reached " + service + " from the units register "
                        + "(personnel-service) yet: a unit registered a moment ago arrives within seconds, so try "
                        + "again; if this persists, the unit is not registered (an administrator registers it at "
                        + "PUT /api/personnel/units/" + unitCode + ")",
                List.of(new Problem.FieldError("unitCode", "not yet known to " + service)))
                .retryAfter(ARRIVAL_SECONDS));
    }

    /** The unit's whole profile as last published, if known. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitSnapshot> profile(String unitCode) {
        return find(unitCode).filter(u -> u.snapshot != null).map(u -> json.read(u.snapshot, UnitSnapshot.class));
    }
}
