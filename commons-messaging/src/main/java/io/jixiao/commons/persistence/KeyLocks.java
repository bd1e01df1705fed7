package io.jixiao.commons.persistence;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * One writer per key: every "apply if newer", every document store and every state machine serialises its writers
 * the same way, with a PostgreSQL advisory lock held until the transaction ends. Unlike a row lock it also holds
 * where no row exists yet (the first event of a unit-year, the first push), and it needs no table of its own.
 */
public final class KeyLocks {

    private KeyLocks() {
    }

    /** Waits for, then holds until the current transaction ends, the lock on this key. */
    public static void lock(String key) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, key).getSingleResult();
    }
}
