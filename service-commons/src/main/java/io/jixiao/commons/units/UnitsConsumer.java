package io.jixiao.commons.units;

import io.jixiao.commons.messaging.Inbox;
import io.jixiao.commons.messaging.Streams;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the local units read model from {@code units.snapshots}, in every service that sets the build property
 * {@code jixiao.units.consume=true} and configures the {@code units} channel. A record that is not a unit
 * snapshot fails, and the connector moves it to the dead-letter topic with the reason (see {@link Inbox}).
 */
@ApplicationScoped
@IfBuildProperty(name = "jixiao.units.consume", stringValue = "true")
public class UnitsConsumer {

    private final Inbox inbox;
    private final KnownUnits units;

    public UnitsConsumer(Inbox inbox, KnownUnits units) {
        this.inbox = inbox;
        this.units = units;
    }

    @Incoming("units")
    @Blocking(ordered = true)
    public void onUnit(String record) {
        inbox.receive(Streams.UNITS, units, record);
    }
}
