package io.jixiao.commons.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class TransientFailureTest {

    private final TransientFailure predicate = new TransientFailure();

    @Test
    void aDatabaseRestartingOrACutConnectionIsTransientWhereverItIsInTheChain() {
        assertTrue(predicate.test(wrapped(new SQLException("I/O error", "08006"))));
        assertTrue(predicate.test(wrapped(new SQLException("terminating connection due to administrator command",
                "57P01"))));
        assertTrue(predicate.test(wrapped(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(predicate.test(wrapped(new SQLException("could not serialize access", "40001"))));
        assertTrue(predicate.test(wrapped(new SQLException("deadlock detected", "40P01"))));
        assertTrue(predicate.test(new SQLTransientConnectionException("pool exhausted")));
        assertTrue(predicate.test(new org.hibernate.exception.JDBCConnectionException("JDBC exception",
                new SQLException("refused", "08001"))));
    }

    @Test
    void whatTheRecordItselfCausesIsNot() {
        assertFalse(predicate.test(new PoisonMessageException("not JSON")));
        assertFalse(predicate.test(new PoisonMessageException("bad", new SQLException("x", "08006"))),
                "a poison record stays poison, whatever its cause");
        assertFalse(predicate.test(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(predicate.test(wrapped(new SQLException("value too long", "22001"))));
        assertFalse(predicate.test(new IllegalArgumentException("bad figure")));
        assertFalse(predicate.test(wrapped(new SQLException("no state"))));
    }

    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("outer", new IllegalStateException("middle", e));
    }
}
