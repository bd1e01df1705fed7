package io.jixiao.report.service;

import io.jixiao.commons.units.KnownUnits.UnitChanged;
import io.jixiao.commons.work.WorkItem;
import io.jixiao.commons.work.WorkQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A unit's profile is part of its reports (name, functions, bodies): when it changes, every year of the unit whose
 * report holds figures has changed content. Those unit-years are queued ({@link ContentWork}) in the transaction that
 * applies the profile, as a snapshot's change is: only the queue's worker takes the reports' locks, in one order. (A
 * batch of unit profiles that took them itself, in its own order, deadlocked with the worker under the province
 * benchmark.)
 */
@ApplicationScoped
public class UnitProfileChanges {

    private final EntityManager em;
    private final WorkQueue work;

    public UnitProfileChanges(EntityManager em, WorkQueue work) {
        this.em = em;
        this.work = work;
    }

    void onUnitChanged(@Observes UnitChanged unit) {
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery(
                "select distinct fiscal_year from upstream_snapshot where unit_code = ?1 order by 1")
                .setParameter(1, unit.unitCode()).getResultList();
        work.add(ContentWork.KIND, years.stream().map(year -> new WorkItem(unit.unitCode(), year.intValue(),
                "unit profile v" + unit.version())).toList());
    }
}
