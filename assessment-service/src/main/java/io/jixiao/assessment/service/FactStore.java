package io.jixiao.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.assessment.repository.FactSnapshot;
import io.jixiao.assessment.scoring.Facts;
import io.jixiao.commons.json.StoredJson;
import io.jixiao.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/** This service's read model of the registers' facts (table {@code fact_snapshot}), one row per unit-year and kind. */
@ApplicationScoped
public class FactStore {

    private final StoredJson json;

    public FactStore(StoredJson json) {
        this.json = json;
    }

    /** The version of the fact held for the unit-year, if any (in the inbox's transaction, under its lock). */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong heldVersion(String kind, String unitCode, int fiscalYear) {
        FactSnapshot held = FactSnapshot.findById(new FactSnapshot.Key(unitCode, fiscalYear, kind));
        return held == null ? OptionalLong.empty() : OptionalLong.of(held.version);
    }

    /** Stores the fact the event carries, newer than the one held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(String kind, String unitCode, int fiscalYear, EventEnvelope<?> event, JsonNode document) {
        FactSnapshot.Key key = new FactSnapshot.Key(unitCode, fiscalYear, kind);
        FactSnapshot held = FactSnapshot.findById(key);
        if (held == null) {
            held = new FactSnapshot();
            held.key = key;
        }
        held.version = event.version();
        held.eventId = event.eventId();
        held.source = event.source() == null ? "unknown" : event.source();
        held.payload = document.toString();
        held.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        held.persist();
    }

    /** The facts of a unit-year and of the year before ({@code prev.*}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Facts facts(String unitCode, int fiscalYear) {
        Facts facts = new Facts();
        for (String kind : new String[] {"budget", "staff", "assets"}) {
            add(facts, kind, unitCode, fiscalYear, kind);
            add(facts, "prev." + kind, unitCode, fiscalYear - 1, kind);
        }
        return facts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasFacts(String unitCode, int fiscalYear) {
        return FactSnapshot.count("key.unitCode = ?1 and key.fiscalYear = ?2", unitCode, fiscalYear) > 0;
    }

    private void add(Facts facts, String name, String unitCode, int year, String kind) {
        FactSnapshot s = FactSnapshot.findById(new FactSnapshot.Key(unitCode, year, kind));
        if (s == null) {
            return;
        }
        JsonNode tree = json.tree(s.payload);
        facts.with(new Facts.Fact(name, tree, sourceName(s.source, kind), s.version));
    }

    /** Facts are traced to the service that owns them (the event's source names the pushing system). */
    private static String sourceName(String pushedBy, String kind) {
        return ("budget".equals(kind) ? "budget-service" : "personnel-service") + " (pushed by " + pushedBy + ")";
    }
}
