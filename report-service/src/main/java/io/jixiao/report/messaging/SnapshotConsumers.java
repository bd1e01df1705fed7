package io.jixiao.report.messaging;

import io.jixiao.commons.messaging.BatchInbox;
import io.jixiao.commons.messaging.Streams;
import io.jixiao.report.service.ReadModel;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the read model from the budget, personnel, asset and score snapshots, in batches as polled, through the
 * {@link BatchInbox} (one transaction per batch, the newest version of each unit-year). A record that is not an event
 * of the expected type is moved to the topic's dead-letter topic ({@code <topic>.dlq.report-service}) with the reason;
 * consumption goes on.
 */
@ApplicationScoped
public class SnapshotConsumers {

    private final BatchInbox inbox;
    private final ReadModel readModel;

    public SnapshotConsumers(BatchInbox inbox, ReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming("budget")
    @Blocking(ordered = true)
    public void onBudget(ConsumerRecords<String, String> records) {
        inbox.receive("budget", Streams.BUDGET, readModel.budget(), records);
    }

    @Incoming("personnel")
    @Blocking(ordered = true)
    public void onPersonnel(ConsumerRecords<String, String> records) {
        inbox.receive("personnel", Streams.PERSONNEL, readModel.personnel(), records);
    }

    @Incoming("assets")
    @Blocking(ordered = true)
    public void onAssets(ConsumerRecords<String, String> records) {
        inbox.receive("assets", Streams.ASSETS, readModel.assets(), records);
    }

    @Incoming("scores")
    @Blocking(ordered = true)
    public void onScores(ConsumerRecords<String, String> records) {
        inbox.receive("scores", Streams.SCORES, readModel.scores(), records);
    }
}
