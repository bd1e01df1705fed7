package io.jixiao.report.service;

import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.messaging.ReadModelStore;
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
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * This service's read model of the budget, personnel, asset and score snapshots (DESIGN §4), one store per kind for
 * the {@link io.jixiao.commons.messaging.Inbox}: an event is applied only if its version is newer than the one held
 * for its unit-year, so duplicates, replays and out-of-order deliveries change nothing. A change to a submitted
 * report's figures makes it a draft again.
 */
@ApplicationScoped
public class ReadModel {

    private final StoredJson json;
    private final EntityManager em;
    private final Event<ReportContentChanged> changed;
    private final ReadModelStore<BudgetSnapshot> budget;
    private final ReadModelStore<StaffSnapshot> personnel;
    private final ReadModelStore<AssetSnapshot> assets;
    private final ReadModelStore<ScoreSnapshot> scores;

    public ReadModel(StoredJson json, EntityManager em, Event<ReportContentChanged> changed) {
        this.json = json;
        this.em = em;
        this.changed = changed;
        this.budget = new Kept<>(SnapshotKind.BUDGET, BudgetSnapshot::unitCode, BudgetSnapshot::fiscalYear);
        this.personnel = new Kept<>(SnapshotKind.PERSONNEL, StaffSnapshot::unitCode, StaffSnapshot::fiscalYear);
        this.assets = new Kept<>(SnapshotKind.ASSETS, AssetSnapshot::unitCode, AssetSnapshot::fiscalYear);
        this.scores = new Kept<>(SnapshotKind.SCORES, ScoreSnapshot::unitCode, ScoreSnapshot::fiscalYear);
    }

    public ReadModelStore<BudgetSnapshot> budget() {
        return budget;
    }

    public ReadModelStore<StaffSnapshot> personnel() {
        return personnel;
    }

    public ReadModelStore<AssetSnapshot> assets() {
        return assets;
    }

    public ReadModelStore<ScoreSnapshot> scores() {
        return scores;
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

    /**
     * One kind of snapshot as the {@link io.jixiao.commons.messaging.Inbox}'s store (in its transaction): stored
     * whole, flushed, then announced as a {@link ReportContentChanged} of its unit-year.
     */
    private final class Kept<T> implements ReadModelStore<T> {

        private final SnapshotKind kind;
        private final Function<T, String> unitCode;
        private final ToIntFunction<T> fiscalYear;

        Kept(SnapshotKind kind, Function<T, String> unitCode, ToIntFunction<T> fiscalYear) {
            this.kind = kind;
            this.unitCode = unitCode;
            this.fiscalYear = fiscalYear;
        }

        @Override
        public OptionalLong heldVersion(T payload) {
            UpstreamSnapshot held = UpstreamSnapshot.findById(key(payload));
            return held == null ? OptionalLong.empty() : OptionalLong.of(held.version);
        }

        @Override
        public void store(EventEnvelope<T> event) {
            UpstreamSnapshot.Key key = key(event.payload());
            UpstreamSnapshot held = UpstreamSnapshot.findById(key);
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
            changed.fire(new ReportContentChanged(key.unitCode(), key.fiscalYear(),
                    "upstream " + kind.stored() + " v" + event.version()));
        }

        private UpstreamSnapshot.Key key(T payload) {
            return new UpstreamSnapshot.Key(kind.stored(), unitCode.apply(payload), fiscalYear.applyAsInt(payload));
        }
    }
}
