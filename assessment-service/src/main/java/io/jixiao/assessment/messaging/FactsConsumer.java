package io.jixiao.assessment.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.assessment.service.FactStore;
import io.jixiao.assessment.service.ScoringService;
import io.jixiao.commons.messaging.Envelopes;
import io.jixiao.commons.messaging.PoisonMessageException;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Facts from the registers: each event applied to the read model if newer than what is held, and the unit-year
 * (and the next, whose "previous year" it is) rescored in the same transaction. Duplicates and replays change
 * nothing; records that are not such events go to the dead-letter topic.
 */
@ApplicationScoped
public class FactsConsumer {

    private final Envelopes envelopes;
    private final FactStore facts;
    private final ScoringService scoring;
    private final ObjectMapper mapper;

    public FactsConsumer(Envelopes envelopes, FactStore facts, ScoringService scoring, ObjectMapper mapper) {
        this.envelopes = envelopes;
        this.facts = facts;
        this.scoring = scoring;
        this.mapper = mapper;
    }

    @Incoming("budget")
    @Blocking
    @Transactional
    public void onBudget(String record) {
        EventEnvelope<BudgetSnapshot> e = envelopes.read(record, BudgetSnapshot.TYPE, BudgetSnapshot.class);
        if (e.payload().budget() == null) {
            throw new PoisonMessageException("budget snapshot without a budget");
        }
        apply("budget", e, e.payload().unitCode(), e.payload().fiscalYear(), e.payload().budget());
    }

    @Incoming("personnel")
    @Blocking
    @Transactional
    public void onStaff(String record) {
        EventEnvelope<StaffSnapshot> e = envelopes.read(record, StaffSnapshot.TYPE, StaffSnapshot.class);
        if (e.payload().staff() == null) {
            throw new PoisonMessageException("personnel snapshot without staff");
        }
        apply("staff", e, e.payload().unitCode(), e.payload().fiscalYear(), e.payload().staff());
    }

    @Incoming("assets")
    @Blocking
    @Transactional
    public void onAssets(String record) {
        EventEnvelope<AssetSnapshot> e = envelopes.read(record, AssetSnapshot.TYPE, AssetSnapshot.class);
        if (e.payload().assets() == null) {
            throw new PoisonMessageException("asset snapshot without assets");
        }
        apply("assets", e, e.payload().unitCode(), e.payload().fiscalYear(), e.payload().assets());
    }

    private void apply(String kind, EventEnvelope<?> event, String unitCode, int fiscalYear, Object document) {
        if (unitCode == null || !event.key().equals(EventEnvelope.unitYearKey(unitCode, fiscalYear))) {
            throw new PoisonMessageException("event key " + event.key() + " does not match its unit-year");
        }
        if (facts.apply(kind, unitCode, fiscalYear, event, mapper.valueToTree(document))) {
            String cause = kind + " v" + event.version() + " from " + event.source();
            scoring.rescore(unitCode, fiscalYear, cause);
            if (facts.hasFacts(unitCode, fiscalYear + 1)) {
                scoring.rescore(unitCode, fiscalYear + 1, cause);
            }
        }
    }
}
