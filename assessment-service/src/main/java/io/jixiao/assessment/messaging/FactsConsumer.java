package io.jixiao.assessment.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.assessment.service.FactIntake;
import io.jixiao.commons.messaging.Envelopes;
import io.jixiao.commons.messaging.PoisonMessageException;
import io.jixiao.commons.messaging.RetryTransient;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final ObjectMapper mapper;

    public FactsConsumer(Envelopes envelopes, FactIntake intake, ObjectMapper mapper) {
        this.envelopes = envelopes;
        this.intake = intake;
        this.mapper = mapper;
    }

    @Incoming("budget")
    @Blocking
    @ApplyGuard(RetryTransient.GUARD)
    public void onBudget(String record) {
        EventEnvelope<BudgetSnapshot> e = envelopes.read(record, BudgetSnapshot.TYPE, BudgetSnapshot.class);
        if (e.payload().budget() == null) {
            throw new PoisonMessageException("budget snapshot without a budget");
        }
        intake.apply("budget", e, e.payload().unitCode(), e.payload().fiscalYear(), withDerived(e.payload()));
    }

    @Incoming("personnel")
    @Blocking
    @ApplyGuard(RetryTransient.GUARD)
    public void onStaff(String record) {
        EventEnvelope<StaffSnapshot> e = envelopes.read(record, StaffSnapshot.TYPE, StaffSnapshot.class);
        if (e.payload().staff() == null) {
            throw new PoisonMessageException("personnel snapshot without staff");
        }
        intake.apply("staff", e, e.payload().unitCode(), e.payload().fiscalYear(), e.payload().staff());
    }

    @Incoming("assets")
    @Blocking
    @ApplyGuard(RetryTransient.GUARD)
    public void onAssets(String record) {
        EventEnvelope<AssetSnapshot> e = envelopes.read(record, AssetSnapshot.TYPE, AssetSnapshot.class);
        if (e.payload().assets() == null) {
            throw new PoisonMessageException("asset snapshot without assets");
        }
        intake.apply("assets", e, e.payload().unitCode(), e.payload().fiscalYear(), e.payload().assets());
    }

    /**
     * The budget with the figures budget-service derived from it under {@code derived}, as budget-service's own rules
     * read them (a null figure is not stated, as an absent one).
     */
    private ObjectNode withDerived(BudgetSnapshot snapshot) {
        ObjectNode budget = mapper.valueToTree(snapshot.budget());
        budget.set("derived", snapshot.derived() == null ? budget.objectNode() : mapper.valueToTree(snapshot.derived()));
        return budget;
    }
}
