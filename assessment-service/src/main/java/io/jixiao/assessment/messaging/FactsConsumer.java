package io.jixiao.assessment.messaging;

import io.jixiao.assessment.service.FactIntake;
import io.jixiao.commons.messaging.Inbox;
import io.jixiao.commons.messaging.Streams;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Facts from the registers, taken in through the {@link Inbox} into {@link FactIntake} (one transaction per record).
 * Duplicates and replays change nothing; records that are not such events go to the dead-letter topic; a transient
 * failure (the database restarting) is retried, never dead-lettered.
 */
@ApplicationScoped
public class FactsConsumer {

    private final Inbox inbox;
    private final FactIntake intake;

    public FactsConsumer(Inbox inbox, FactIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming("budget")
    @Blocking
    public void onBudget(String record) {
        inbox.receive(Streams.BUDGET, intake.budget(), record);
    }

    @Incoming("personnel")
    @Blocking
    public void onStaff(String record) {
        inbox.receive(Streams.PERSONNEL, intake.staff(), record);
    }

    @Incoming("assets")
    @Blocking
    public void onAssets(String record) {
        inbox.receive(Streams.ASSETS, intake.assets(), record);
    }
}
