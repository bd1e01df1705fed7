package io.jixiao.assessment.messaging;

import io.jixiao.assessment.service.FactIntake;
import io.jixiao.commons.messaging.BatchInbox;
import io.jixiao.commons.messaging.Streams;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Facts from the registers, taken in batches as polled through the {@link BatchInbox} into {@link FactIntake}: one
 * transaction per batch, the newest version of each unit-year only, each unit-year it touches rescored once.
 * Duplicates and replays change nothing; records that are not such events go to the dead-letter topic; a transient
 * failure (the database restarting) is retried, never dead-lettered.
 */
@ApplicationScoped
public class FactsConsumer {

    private final BatchInbox inbox;
    private final FactIntake intake;

    public FactsConsumer(BatchInbox inbox, FactIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming("budget")
    @Blocking(ordered = true)
    public void onBudget(ConsumerRecords<String, String> records) {
        inbox.receive("budget", Streams.BUDGET, intake.budget(), records);
    }

    @Incoming("personnel")
    @Blocking(ordered = true)
    public void onStaff(ConsumerRecords<String, String> records) {
        inbox.receive("personnel", Streams.PERSONNEL, intake.staff(), records);
    }

    @Incoming("assets")
    @Blocking(ordered = true)
    public void onAssets(ConsumerRecords<String, String> records) {
        inbox.receive("assets", Streams.ASSETS, intake.assets(), records);
    }
}
