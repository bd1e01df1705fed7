package io.jixiao.commons.units;

import io.jixiao.commons.messaging.BatchInbox;
import io.jixiao.commons.messaging.Streams;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local units read model from {@code units.snapshots}, in every service that sets the build property
 * {@code jixiao.units.consume=true} and configures the {@code units} channel (in batches as polled, through the
 * {@link BatchInbox}: a province's register loaded in bulk arrives in a few transactions). A record that is not a unit
 * snapshot is moved to the dead-letter topic with the reason.
 */
@ApplicationScoped
@IfBuildProperty(name = "jixiao.units.consume", stringValue = "true")
public class UnitsConsumer {

    private final BatchInbox inbox;
    private final KnownUnits units;

    public UnitsConsumer(BatchInbox inbox, KnownUnits units) {
        this.inbox = inbox;
        this.units = units;
    }

    @Incoming("units")
    @Blocking(ordered = true)
    public void onUnits(ConsumerRecords<String, String> records) {
        inbox.receive("units", Streams.UNITS, units, records);
    }
}
