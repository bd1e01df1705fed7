package io.jixiao.assessment.messaging;

import io.jixiao.assessment.service.FactIntake;
import io.jixiao.commons.messaging.Envelopes;
import io.jixiao.commons.messaging.PoisonMessageException;
import io.jixiao.commons.messaging.TransientFailure;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Facts from the registers, handed to {@link FactIntake} (one transaction per record). Duplicates and replays change
 * nothing; records that are not such events go to the dead-letter topic; a transient failure (the database
 * restarting) is retried, never dead-lettered.
 */
@ApplicationScoped
public class FactsConsumer {

    private final Envelopes envelopes;
    private final FactIntake intake;

    public FactsConsumer(Envelopes envelopes, FactIntake intake) {
        this.envelopes = envelopes;
        this.intake = intake;
    }

    @Incoming("budget")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = TransientFailure.RETRY_FOR_MINUTES,
            durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailure.class)
    public void onBudget(String record) {
        EventEnvelope<BudgetSnapshot> e = envelopes.read(record, BudgetSnapshot.TYPE, BudgetSnapshot.class);
        if (e.payload().budget() == null) {
            throw new PoisonMessageException("budget snapshot without a budget");
        }
        intake.apply("budget", e, e.payload().unitCode(), e.payload().fiscalYear(), e.payload().budget());
    }

    @Incoming("personnel")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = TransientFailure.RETRY_FOR_MINUTES,
            durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailure.class)
    public void onStaff(String record) {
        EventEnvelope<StaffSnapshot> e = envelopes.read(record, StaffSnapshot.TYPE, StaffSnapshot.class);
        if (e.payload().staff() == null) {
            throw new PoisonMessageException("personnel snapshot without staff");
        }
        intake.apply("staff", e, e.payload().unitCode(), e.payload().fiscalYear(), e.payload().staff());
    }

    @Incoming("assets")
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = TransientFailure.RETRY_FOR_MINUTES,
            durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = TransientFailure.class)
    public void onAssets(String record) {
        EventEnvelope<AssetSnapshot> e = envelopes.read(record, AssetSnapshot.TYPE, AssetSnapshot.class);
        if (e.payload().assets() == null) {
            throw new PoisonMessageException("asset snapshot without assets");
        }
        intake.apply("assets", e, e.payload().unitCode(), e.payload().fiscalYear(), e.payload().assets());
    }
}
