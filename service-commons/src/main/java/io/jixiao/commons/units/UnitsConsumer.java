package io.jixiao.commons.units;

import io.jixiao.commons.messaging.Envelopes;
import io.jixiao.commons.messaging.RetryTransient;
import io.jixiao.events.UnitSnapshot;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the local units read model from {@code units.snapshots}, in every service that sets the build property
 * {@code jixiao.units.consume=true} and configures the {@code units} channel. A record that is not a unit
 * snapshot fails, and the connector moves it to the dead-letter topic with the reason.
 */
@ApplicationScoped
@IfBuildProperty(name = "jixiao.units.consume", stringValue = "true")
public class UnitsConsumer {

    private static final Logger LOG = Logger.getLogger(UnitsConsumer.class);

    private final Envelopes envelopes;
    private final KnownUnits units;

    public UnitsConsumer(Envelopes envelopes, KnownUnits units) {
        this.envelopes = envelopes;
        this.units = units;
    }

    @Incoming("units")
    @ApplyGuard(RetryTransient.GUARD)
    @Blocking(ordered = true)
    public void onUnit(String record) {
        var event = envelopes.read(record, UnitSnapshot.TYPE, UnitSnapshot.class);
        boolean applied = units.apply(event);
        LOG.debugf("unit %s version %d %s", event.key(), event.version(), applied ? "applied" : "already held");
    }
}
