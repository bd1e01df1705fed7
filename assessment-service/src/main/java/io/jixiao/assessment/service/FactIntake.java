package io.jixiao.assessment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.messaging.Envelopes;
import io.jixiao.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Takes in one fact from the registers' events: applied to the read model if newer than what is held, and the
 * unit-year (and the next, whose "previous year" it is) rescored, all in one transaction, so that a failure leaves
 * nothing half-done and the consumer can simply try the record again.
 */
@ApplicationScoped
public class FactIntake {

    private final FactStore facts;
    private final ScoringService scoring;
    private final ObjectMapper mapper;

    public FactIntake(FactStore facts, ScoringService scoring, ObjectMapper mapper) {
        this.facts = facts;
        this.scoring = scoring;
        this.mapper = mapper;
    }

    @Transactional
    public void apply(String kind, EventEnvelope<?> event, String unitCode, int fiscalYear, Object document) {
        Envelopes.requireKey(event, unitCode == null ? null : EventEnvelope.unitYearKey(unitCode, fiscalYear));
        if (facts.apply(kind, unitCode, fiscalYear, event, mapper.valueToTree(document))) {
            String cause = kind + " v" + event.version() + " from " + event.source();
            scoring.rescore(unitCode, fiscalYear, cause);
            if (facts.hasFacts(unitCode, fiscalYear + 1)) {
                scoring.rescore(unitCode, fiscalYear + 1, cause);
            }
        }
    }
}
