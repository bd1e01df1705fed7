package io.jixiao.commons.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.FlushModeType;
import java.util.Collection;
import java.util.List;

/**
 * One writer per key: every "apply if newer", every document store and every state machine serialises its writers
 * the same way, with a PostgreSQL advisory lock held until the transaction ends. Unlike a row lock it also holds
 * where no row exists yet (the first event of a unit-year, the first push), and it needs no table of its own. Taking
 * a lock flushes nothing: it reads no table, and a flush before it would make Hibernate check every entity of a long
 * transaction (a batch of 500 documents) once per lock.
 */
public final class KeyLocks {

    private KeyLocks() {
    }

    /** Waits for, then holds until the current transaction ends, the lock on this key. */
    public static void lock(String key) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, key).getSingleResult();
    }

    /**
     * Waits for and holds the locks on many keys, in one round trip and in sorted order, so that two transactions
     * locking overlapping sets cannot deadlock.
     */
    public static void lockAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() == 1) {
            lock(keys.iterator().next());
            return;
        }
        List<String> sorted = keys.stream().distinct().sorted().toList();
        Panache.getEntityManager().createNativeQuery("select count(pg_advisory_xact_lock(hashtext(k))) from"
                + " (select k from unnest(cast(?1 as text[])) as k order by k) as sorted")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, sorted.toArray(String[]::new)).getSingleResult();
    }
}
