package io.jixiao.report.service;

import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.messaging.Envelopes;
import io.jixiao.commons.messaging.PoisonMessageException;
import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;
import io.jixiao.report.model.Held;
import io.jixiao.report.repository.UpstreamSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * This service's read model of the budget, personnel, asset and score snapshots (DESIGN §4): an event is applied
 * only if its version is newer than the one held for its unit-year, so duplicates, replays and out-of-order
 * deliveries change nothing. A change to a submitted report's figures makes it a draft again.
 */
@ApplicationScoped
public class ReadModel {

    private final StoredJson json;
    private final EntityManager em;
    private final Event<ReportContentChanged> changed;

    public ReadModel(StoredJson json, EntityManager em, Event<ReportContentChanged> changed) {
        this.json = json;
        this.em = em;
        this.changed = changed;
    }

    /** Applies the event if it is newer than what is held; returns whether it changed anything. */
    @Transactional
    public boolean apply(SnapshotKind kind, EventEnvelope<?> event) {
        String[] unitYear = unitYear(kind, event);
        String unitCode = unitYear[0];
        int fiscalYear = Integer.parseInt(unitYear[1]);
        // one writer per unit-year and kind, also for the first event of a unit-year
        KeyLocks.lock("snapshot:" + kind.stored() + ":" + unitCode + ":" + fiscalYear);
        UpstreamSnapshot.Key key = new UpstreamSnapshot.Key(kind.stored(), unitCode, fiscalYear);
        UpstreamSnapshot held = UpstreamSnapshot.findById(key);
        if (held != null && held.version >= event.version()) {
            return false;
        }
        if (held == null) {
            held = new UpstreamSnapshot();
            held.key = key;
        }
        held.version = event.version();
        held.eventId = event.eventId();
        held.source = event.source();
        held.actor = event.actor();
        held.occurredAt = event.occurredAt().atOffset(ZoneOffset.UTC);
        held.payload = json.write(event.payload());
        held.appliedAt = OffsetDateTime.now(ZoneOffset.UTC);
        held.persist();
        em.flush();
        changed.fire(new ReportContentChanged(unitCode, fiscalYear,
                "upstream " + kind.stored() + " v" + event.version()));
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> Optional<Held<T>> find(SnapshotKind kind, String unitCode, int fiscalYear) {
        UpstreamSnapshot held = UpstreamSnapshot.findById(new UpstreamSnapshot.Key(kind.stored(), unitCode,
                fiscalYear));
        if (held == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T payload = (T) json.read(held.payload, kind.payloadType());
        return Optional.of(new Held<>(payload, held.version, held.eventId.toString(), held.source, held.actor,
                held.occurredAt));
    }

    /** The unit and year of an event: from its payload, which must agree with its key. */
    private static String[] unitYear(SnapshotKind kind, EventEnvelope<?> event) {
        String unitCode;
        int fiscalYear;
        Object payload = event.payload();
        if (payload instanceof BudgetSnapshot b) {
            unitCode = b.unitCode();
            fiscalYear = b.fiscalYear();
        } else if (payload instanceof StaffSnapshot s) {
            unitCode = s.unitCode();
            fiscalYear = s.fiscalYear();
        } else if (payload instanceof AssetSnapshot a) {
            unitCode = a.unitCode();
            fiscalYear = a.fiscalYear();
        } else if (payload instanceof ScoreSnapshot s) {
            unitCode = s.unitCode();
            fiscalYear = s.fiscalYear();
        } else {
            throw new PoisonMessageException("not a " + kind.eventType() + " payload");
        }
        if (unitCode == null || unitCode.isBlank()) {
            throw new PoisonMessageException(kind.eventType() + " without a unit code");
        }
        Envelopes.requireKey(event, EventEnvelope.unitYearKey(unitCode, fiscalYear));
        if (!missingPartOk(kind, payload)) {
            throw new PoisonMessageException(kind.eventType() + " without its document");
        }
        return new String[] {unitCode, Integer.toString(fiscalYear)};
    }

    private static boolean missingPartOk(SnapshotKind kind, Object payload) {
        return switch (kind) {
            case BUDGET -> ((BudgetSnapshot) payload).budget() != null;
            case PERSONNEL -> ((StaffSnapshot) payload).staff() != null;
            case ASSETS -> ((AssetSnapshot) payload).assets() != null;
            case SCORES -> true;
        };
    }
}
