package io.jixiao.commons.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.temporal.ChronoUnit;

/**
 * The one retry policy of every consumer, applied with {@code @ApplyGuard(RetryTransient.GUARD)} where every record is
 * taken in ({@link Inbox#receive}): a {@link TransientFailure} (the database restarting, a connection cut) is retried
 * with exponential backoff (200 ms, up to 10 s apart) for {@value TransientFailure#RETRY_FOR_MINUTES} minutes, never
 * dead-lettered; anything else fails at once (a poison record goes to the dead-letter topic). The transaction is
 * opened inside the guarded method's callee ({@link InboxWriter}), so that every attempt runs in a fresh one.
 */
@ApplicationScoped
public class RetryTransient {

    /** The guard's name, for {@code @ApplyGuard}. */
    public static final String GUARD = "jixiao-retry-transient";

    @Produces
    @Identifier(GUARD)
    static final Guard POLICY = Guard.create()
            .withRetry().maxRetries(-1).delay(200, ChronoUnit.MILLIS)
            .maxDuration(TransientFailure.RETRY_FOR_MINUTES, ChronoUnit.MINUTES)
            .whenException(new TransientFailure())
            .withExponentialBackoff().maxDelay(10, ChronoUnit.SECONDS).done()
            .done()
            .build();
}
