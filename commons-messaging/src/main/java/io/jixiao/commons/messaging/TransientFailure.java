package io.jixiao.commons.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Whether a consumer's failure will pass by itself: the database restarting, a connection cut, a serialization
 * failure or deadlock between transactions, a pool that is momentarily exhausted. Such a failure says nothing
 * about the record, so the record is retried (see {@link #RETRY_FOR_MINUTES}) instead of going to the dead-letter
 * topic, which is only for records that can never be processed ({@link PoisonMessageException}).
 *
 * <p>The condition of the consumers' one retry policy, {@link RetryTransient}.
 */
public class TransientFailure implements Predicate<Throwable> {

    /** How long a record is retried before it is given up to the dead-letter topic with the last failure. */
    public static final long RETRY_FOR_MINUTES = 5;

    private static final Logger LOG = Logger.getLogger(TransientFailure.class);

    @Override
    public boolean test(Throwable failure) {
        boolean transientFailure = isTransient(failure);
        if (transientFailure) {
            LOG.warnf("transient failure, the record will be retried: %s", rootMessage(failure));
        }
        return transientFailure;
    }

    /** True when a cause in the chain is a database or connection failure that a later attempt may not meet. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.QueryTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            // Agroal's pool timing out (io.agroal.pool.ConnectionPool$AcquisitionTimeoutException, not public API)
            if (t.getClass().getName().endsWith("AcquisitionTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE classes that pass: 08 connection exception, 53 insufficient resources, 57P01–57P03 the server
     * shutting down or starting, 40001 serialization failure, 40P01 deadlock.
     */
    static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P0")
                || state.equals("40001") || state.equals("40P01"));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
