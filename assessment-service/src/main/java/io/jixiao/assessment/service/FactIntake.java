package io.jixiao.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.messaging.ReadModelStore;
import io.jixiao.commons.messaging.Subscription;
import io.jixiao.commons.work.WorkItem;
import io.jixiao.commons.work.WorkQueue;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Takes in the facts of the registers' events (budget, staff, assets), as the
 * {@link io.jixiao.commons.messaging.Inbox}'s stores: a fact newer than the one held is stored and the unit-year (and
 * the next, whose "previous year" it is) queued for scoring, all in the inbox's one transaction, so that a failure
 * leaves nothing half-done and the record can simply be tried again.
 */
@ApplicationScoped
public class FactIntake {

    private final FactStore facts;
    private final WorkQueue work;
    private final ObjectMapper mapper;
    private final ReadModelStore<BudgetSnapshot> budget;
    private final ReadModelStore<StaffSnapshot> staff;
    private final ReadModelStore<AssetSnapshot> assets;

    public FactIntake(FactStore facts, WorkQueue work, ObjectMapper mapper) {
        this.facts = facts;
        this.work = work;
        this.mapper = mapper;
        this.budget = new Kind<>("budget", BudgetSnapshot::unitCode, BudgetSnapshot::fiscalYear, this::withDerived);
        this.staff = new Kind<>("staff", StaffSnapshot::unitCode, StaffSnapshot::fiscalYear,
                s -> mapper.valueToTree(s.staff()));
        this.assets = new Kind<>("assets", AssetSnapshot::unitCode, AssetSnapshot::fiscalYear,
                a -> mapper.valueToTree(a.assets()));
    }

    /** Budgets, held with the figures budget-service derived from them. */
    public ReadModelStore<BudgetSnapshot> budget() {
        return budget;
    }

    public ReadModelStore<StaffSnapshot> staff() {
        return staff;
    }

    public ReadModelStore<AssetSnapshot> assets() {
        return assets;
    }

    /**
     * The budget with the figures budget-service derived from it under {@code derived}, as budget-service's own rules
     * read them (a null figure is not stated, as an absent one).
     */
    private JsonNode withDerived(BudgetSnapshot snapshot) {
        ObjectNode document = mapper.valueToTree(snapshot.budget());
        document.set("derived", snapshot.derived() == null ? document.objectNode()
                : mapper.valueToTree(snapshot.derived()));
        return document;
    }

    /** One kind of fact: where its unit-year is in the payload, and which document of the payload is held. */
    private final class Kind<T> implements ReadModelStore<T> {

        private final String name;
        private final Function<T, String> unitCode;
        private final ToIntFunction<T> fiscalYear;
        private final Function<T, JsonNode> document;

        Kind(String name, Function<T, String> unitCode, ToIntFunction<T> fiscalYear, Function<T, JsonNode> document) {
            this.name = name;
            this.unitCode = unitCode;
            this.fiscalYear = fiscalYear;
            this.document = document;
        }

        @Override
        public OptionalLong heldVersion(T payload) {
            return facts.heldVersion(name, unitCode.apply(payload), fiscalYear.applyAsInt(payload));
        }

        @Override
        public void store(EventEnvelope<T> event) {
            storeAll(List.of(event));
        }

        @Override
        public Map<String, Long> heldVersions(Subscription<T> subscription, List<T> payloads) {
            return facts.heldVersions(name, payloads.stream().map(this::unitYear).toList());
        }

        /**
         * Stores the facts and queues each unit-year they touch for scoring (and the next year, whose "previous year"
         * it is, where that has facts), in the same transaction: it is scored once however many facts reach it
         * before its turn ({@link ScoreWork}).
         */
        @Override
        public void storeAll(List<EventEnvelope<T>> events) {
            List<FactStore.Incoming> incoming = events.stream().map(e -> new FactStore.Incoming(unitYear(e.payload()),
                    e, document.apply(e.payload()))).toList();
            facts.storeAll(name, incoming);
            Map<UnitYear, String> causes = new LinkedHashMap<>();
            for (EventEnvelope<T> event : events) {
                causes.put(unitYear(event.payload()), name + " v" + event.version() + " from " + event.source());
            }
            Map<UnitYear, String> next = new LinkedHashMap<>();
            causes.forEach((unitYear, cause) -> next.put(unitYear.next(), cause));
            facts.withFacts(next.keySet()).forEach(u -> causes.putIfAbsent(u, next.get(u)));
            work.add(ScoreWork.KIND, causes.entrySet().stream().map(e -> new WorkItem(e.getKey().unitCode(),
                    e.getKey().fiscalYear(), e.getValue())).toList());
        }

        private UnitYear unitYear(T payload) {
            return new UnitYear(unitCode.apply(payload), fiscalYear.applyAsInt(payload));
        }
    }
}
