package io.jixiao.report.service;

import io.jixiao.commons.units.KnownUnits.UnitChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A unit's profile is part of its reports (name, functions, bodies): when it changes, every year of the unit whose
 * report holds figures has changed content, in the transaction that applies the profile.
 */
@ApplicationScoped
public class UnitProfileChanges {

    private final EntityManager em;
    private final Event<ReportContentChanged> changed;

    public UnitProfileChanges(EntityManager em, Event<ReportContentChanged> changed) {
        this.em = em;
        this.changed = changed;
    }

    void onUnitChanged(@Observes UnitChanged unit) {
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery(
                "select distinct fiscal_year from upstream_snapshot where unit_code = ?1 order by 1")
                .setParameter(1, unit.unitCode()).getResultList();
        for (Number year : years) {
            changed.fire(new ReportContentChanged(unit.unitCode(), year.intValue(), "unit profile v" + unit.version()));
        }
    }
}
