package io.jixiao.assessment.service;

import io.jixiao.commons.units.KnownUnits.UnitChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Queues a unit's held facts for scoring when the unit arrives from the units register (they were held as "unit not
 * known yet"), and when its profile changes (its region decides the framework that applies), in the transaction that
 * applies the unit.
 */
@ApplicationScoped
public class UnitArrivals {

    private final ScoringService scoring;

    public UnitArrivals(ScoringService scoring) {
        this.scoring = scoring;
    }

    void onUnitChanged(@Observes UnitChanged unit) {
        scoring.queueUnit(unit.unitCode(), "unit " + unit.unitCode() + " v" + unit.version());
    }
}
