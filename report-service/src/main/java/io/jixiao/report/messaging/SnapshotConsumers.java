package io.jixiao.report.messaging;

import io.jixiao.commons.messaging.Envelopes;
import io.jixiao.commons.messaging.RetryTransient;
import io.jixiao.report.service.ReadModel;
import io.jixiao.report.service.SnapshotKind;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the read model from the budget, personnel, asset and score snapshots. A record that is not an event of the
 * expected type fails with a {@link io.jixiao.commons.messaging.PoisonMessageException}, and the connector moves it to
 * the topic's dead-letter topic ({@code <topic>.dlq.report-service}) with the reason; consumption goes on.
 */
@ApplicationScoped
public class SnapshotConsumers {

    private static final Logger LOG = Logger.getLogger(SnapshotConsumers.class);

    private final Envelopes envelopes;
    private final ReadModel readModel;

    public SnapshotConsumers(Envelopes envelopes, ReadModel readModel) {
        this.envelopes = envelopes;
        this.readModel = readModel;
    }

    @Incoming("budget")
    @ApplyGuard(RetryTransient.GUARD)
    @Blocking(ordered = true)
    public void onBudget(String record) {
        apply(SnapshotKind.BUDGET, record);
    }

    @Incoming("personnel")
    @ApplyGuard(RetryTransient.GUARD)
    @Blocking(ordered = true)
    public void onPersonnel(String record) {
        apply(SnapshotKind.PERSONNEL, record);
    }

    @Incoming("assets")
    @ApplyGuard(RetryTransient.GUARD)
    @Blocking(ordered = true)
    public void onAssets(String record) {
        apply(SnapshotKind.ASSETS, record);
    }

    @Incoming("scores")
    @ApplyGuard(RetryTransient.GUARD)
    @Blocking(ordered = true)
    public void onScores(String record) {
        apply(SnapshotKind.SCORES, record);
    }

    private void apply(SnapshotKind kind, String record) {
        var event = envelopes.read(record, kind.eventType(), kind.payloadType());
        boolean applied = readModel.apply(kind, event);
        LOG.debugf("%s %s version %d %s", kind.stored(), event.key(), event.version(),
                applied ? "applied" : "already held");
    }
}
