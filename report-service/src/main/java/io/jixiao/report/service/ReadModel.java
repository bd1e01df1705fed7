package io.jixiao.report.service;

import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.messaging.ReadModelStore;
import io.jixiao.commons.messaging.Subscription;
import io.jixiao.commons.work.WorkItem;
import io.jixiao.commons.work.WorkQueue;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;
import io.jixiao.report.model.Held;
import io.jixiao.report.repository.UpstreamSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * This service's read model of the budget, personnel, asset and score snapshots (DESIGN §4), one store per kind for
 * the {@link io.jixiao.commons.messaging.Inbox}: an event is applied only if its version is newer than the one held
 * for its unit-year, so duplicates, replays and out-of-order deliveries change nothing. A change queues the unit-year's
 * report to be assembled again ({@link ContentWork}); a change to a submitted report's figures makes it a draft again.
 */
@ApplicationScoped
public class ReadModel {

    private final StoredJson json;
    private final WorkQueue work;
    private final ReadModelStore<BudgetSnapshot> budget;
    private final ReadModelStore<StaffSnapshot> personnel;
    private final ReadModelStore<AssetSnapshot> assets;
    private final ReadModelStore<ScoreSnapshot> scores;

    public ReadModel(StoredJson json, WorkQueue work) {
        this.json = json;
        this.work = work;
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
            storeAll(List.of(event));
        }

        @Override
        public Map<String, Long> heldVersions(Subscription<T> subscription, List<T> payloads) {
            Map<String, Long> versions = new HashMap<>();
            held(payloads).forEach((key, snapshot) -> versions.put(
                    EventEnvelope.unitYearKey(key.unitCode(), key.fiscalYear()), snapshot.version));
            return versions;
        }

        /**
         * Stores a batch's snapshots and queues their unit-years' reports to be assembled again ({@link ContentWork}),
         * in the same transaction: a report is assembled once however many snapshots reach it before its turn.
         */
        @Override
        public void storeAll(List<EventEnvelope<T>> events) {
            Map<UpstreamSnapshot.Key, UpstreamSnapshot> held = held(events.stream().map(EventEnvelope::payload)
                    .toList());
            for (EventEnvelope<T> event : events) {
                UpstreamSnapshot.Key key = key(event.payload());
                UpstreamSnapshot snapshot = held.get(key);
                if (snapshot == null) {
                    snapshot = new UpstreamSnapshot();
                    snapshot.key = key;
                }
                snapshot.version = event.version();
                snapshot.eventId = event.eventId();
                snapshot.source = event.source();
                snapshot.actor = event.actor();
                snapshot.occurredAt = event.occurredAt().atOffset(ZoneOffset.UTC);
                snapshot.payload = json.write(event.payload());
                snapshot.appliedAt = OffsetDateTime.now(ZoneOffset.UTC);
                snapshot.persist();
            }
            work.add(ContentWork.KIND, events.stream().map(e -> new WorkItem(unitCode.apply(e.payload()),
                    fiscalYear.applyAsInt(e.payload()), "upstream " + kind.stored() + " v" + e.version())).toList());
        }

        /** The snapshots held of these payloads' unit-years, in one query. */
        private Map<UpstreamSnapshot.Key, UpstreamSnapshot> held(List<T> payloads) {
            Map<UpstreamSnapshot.Key, UpstreamSnapshot> held = new HashMap<>();
            if (payloads.isEmpty()) {
                return held;
            }
            Set<UpstreamSnapshot.Key> wanted = new HashSet<>();
            payloads.forEach(p -> wanted.add(key(p)));
            List<UpstreamSnapshot> found = UpstreamSnapshot.list("key.kind = ?1 and key.unitCode in ?2",
                    kind.stored(), wanted.stream().map(UpstreamSnapshot.Key::unitCode).collect(Collectors.toSet()));
            found.stream().filter(s -> wanted.contains(s.key)).forEach(s -> held.put(s.key, s));
            return held;
        }

        private UpstreamSnapshot.Key key(T payload) {
            return new UpstreamSnapshot.Key(kind.stored(), unitCode.apply(payload), fiscalYear.applyAsInt(payload));
        }
    }
}
