package io.jixiao.commons.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Unit-years waiting for work (table {@code pending_work}), queued in the transaction of what caused it, so that work
 * is never lost and never done twice for one cause: a unit-year queued several times before it is worked on is worked
 * on once (a budget, its staff and its assets arriving in turn are scored once, not three times). Every replica's
 * {@link WorkRunner} claims from the same table ({@code FOR UPDATE SKIP LOCKED}), so a province's rescore is shared by
 * them all.
 */
@ApplicationScoped
public class WorkQueue {

    private static final Comparator<WorkItem> ORDER = Comparator.comparing(WorkItem::unitCode)
            .thenComparingInt(WorkItem::fiscalYear);

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final WorkRunner runner;

    public WorkQueue(EntityManager em, TransactionSynchronizationRegistry transactions, WorkRunner runner) {
        this.em = em;
        this.transactions = transactions;
        this.runner = runner;
    }

    /** Queues the unit-years in the caller's transaction (one that is already queued keeps its place and cause). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String kind, Collection<WorkItem> items) {
        if (items.isEmpty()) {
            return;
        }
        // inserted in one order everywhere: two transactions queueing some of the same unit-years in different orders
        // would each wait for the other's uncommitted row in the unique index (a deadlock, retried at a cost)
        List<WorkItem> sorted = items.stream().sorted(ORDER).toList();
        em.createNativeQuery("insert into pending_work (kind, unit_code, fiscal_year, cause)"
                + " select ?1, u, y, c from unnest(cast(?2 as text[]), cast(?3 as int[]), cast(?4 as text[]))"
                + " as t(u, y, c) on conflict (kind, unit_code, fiscal_year) do nothing")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, kind)
                .setParameter(2, sorted.stream().map(WorkItem::unitCode).toArray(String[]::new))
                .setParameter(3, sorted.stream().map(WorkItem::fiscalYear).toArray(Integer[]::new))
                .setParameter(4, sorted.stream().map(WorkItem::cause).toArray(String[]::new))
                .executeUpdate();
        wakeAfterCommit(kind);
    }

    /** Queues every unit-year a query finds ({@code select unit_code, fiscal_year}), for one cause. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int addAll(String kind, String unitYearsQuery, String cause) {
        int queued = em.createNativeQuery("insert into pending_work (kind, unit_code, fiscal_year, cause)"
                + " select ?1, q.unit_code, q.fiscal_year, ?2 from (" + unitYearsQuery + ") as q"
                + " order by q.unit_code, q.fiscal_year on conflict (kind, unit_code, fiscal_year) do nothing")
                .setParameter(1, kind).setParameter(2, cause).executeUpdate();
        wakeAfterCommit(kind);
        return queued;
    }

    /**
     * Takes up to {@code limit} unit-years off the queue, oldest first, in the caller's transaction: they are gone for
     * the other replicas at once, and back if the transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WorkItem> claim(String kind, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("delete from pending_work w where (w.kind, w.unit_code,"
                + " w.fiscal_year) in (select kind, unit_code, fiscal_year from pending_work where kind = ?1"
                + " order by queued_at limit ?2 for update skip locked)"
                + " returning w.unit_code, w.fiscal_year, w.cause")
                .setParameter(1, kind).setParameter(2, limit).getResultList();
        List<WorkItem> items = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            items.add(new WorkItem((String) row[0], ((Number) row[1]).intValue(), (String) row[2]));
        }
        return items;
    }

    /** Takes one unit-year off the queue without working on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String kind, WorkItem item) {
        em.createNativeQuery("delete from pending_work where kind = ?1 and unit_code = ?2 and fiscal_year = ?3")
                .setParameter(1, kind).setParameter(2, item.unitCode()).setParameter(3, item.fiscalYear())
                .executeUpdate();
    }

    /** Puts a queued unit-year behind every other: it stays queued, and the others are worked on first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void postpone(String kind, WorkItem item) {
        em.createNativeQuery("update pending_work set queued_at = clock_timestamp() where kind = ?1"
                + " and unit_code = ?2 and fiscal_year = ?3")
                .setParameter(1, kind).setParameter(2, item.unitCode()).setParameter(3, item.fiscalYear())
                .executeUpdate();
    }

    /** How many unit-years wait for this kind of work. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pending(String kind) {
        return ((Number) em.createNativeQuery("select count(*) from pending_work where kind = ?1")
                .setParameter(1, kind).getSingleResult()).longValue();
    }

    private void wakeAfterCommit(String kind) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    runner.wake(kind);
                }
            }
        });
    }
}
