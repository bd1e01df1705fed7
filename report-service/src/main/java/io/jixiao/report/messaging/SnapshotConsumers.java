package io.jixiao.report.messaging;

import io.jixiao.commons.messaging.Inbox;
import io.jixiao.commons.messaging.Streams;
import io.jixiao.report.service.ReadModel;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the read model from the budget, personnel, asset and score snapshots, through the {@link Inbox}. A record that
 * is not an event of the expected type fails with a {@link io.jixiao.commons.messaging.PoisonMessageException}, and the
 * connector moves it to the topic's dead-letter topic ({@code <topic>.dlq.report-service}) with the reason;
 * consumption goes on.
 */
@ApplicationScoped
public class SnapshotConsumers {

    private final Inbox inbox;
    private final ReadModel readModel;

    public SnapshotConsumers(Inbox inbox, ReadModel readModel) {
        this.inbox = inbox;
        this.readModel = readModel;
    }

    @Incoming("budget")
    @Blocking(ordered = true)
    public void onBudget(String record) {
        inbox.receive(Streams.BUDGET, readModel.budget(), record);
    }

    @Incoming("personnel")
    @Blocking(ordered = true)
    public void onPersonnel(String record) {
        inbox.receive(Streams.PERSONNEL, readModel.personnel(), record);
    }

    @Incoming("assets")
    @Blocking(ordered = true)
    public void onAssets(String record) {
        inbox.receive(Streams.ASSETS, readModel.assets(), record);
    }

    @Incoming("scores")
    @Blocking(ordered = true)
    public void onScores(String record) {
        inbox.receive(Streams.SCORES, readModel.scores(), record);
    }
}
