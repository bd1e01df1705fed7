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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** This service's read model of the registers' facts (table {@code fact_snapshot}), one row per unit-year and kind. */
@ApplicationScoped
public class FactStore {

    /** The kinds of fact, as held and as named in the facts scoring reads. */
    static final List<String> KINDS = List.of("budget", "staff", "assets");

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

    private static void write(FactSnapshot held, FactSnapshot.Key key, EventEnvelope<?> event, JsonNode document) {
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
        UnitYear unitYear = new UnitYear(unitCode, fiscalYear);
        return facts(List.of(unitYear)).get(unitYear);
    }

    /** The facts of many unit-years, each with its year before ({@code prev.*}), read in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UnitYear, Facts> facts(Collection<UnitYear> unitYears) {
        Map<UnitYear, Facts> facts = new HashMap<>();
        unitYears.forEach(u -> facts.put(u, new Facts()));
        Map<UnitYear, Map<String, FactSnapshot>> held = new HashMap<>();
        for (FactSnapshot s : snapshots(unitYears, true)) {
            held.computeIfAbsent(new UnitYear(s.key.unitCode(), s.key.fiscalYear()), k -> new HashMap<>())
                    .put(s.key.kind(), s);
        }
        for (UnitYear unitYear : unitYears) {
            for (String kind : KINDS) {
                add(facts.get(unitYear), kind, held.getOrDefault(unitYear, Map.of()).get(kind));
                add(facts.get(unitYear), "prev." + kind, held.getOrDefault(unitYear.previous(), Map.of()).get(kind));
            }
        }
        return facts;
    }

    /** The versions held of one kind of fact for many unit-years, by the record key ({@code unit:year}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> heldVersions(String kind, Collection<UnitYear> unitYears) {
        Map<String, Long> versions = new HashMap<>();
        for (FactSnapshot s : snapshots(unitYears, false)) {
            if (s.key.kind().equals(kind) && unitYears.contains(new UnitYear(s.key.unitCode(), s.key.fiscalYear()))) {
                versions.put(EventEnvelope.unitYearKey(s.key.unitCode(), s.key.fiscalYear()), s.version);
            }
        }
        return versions;
    }

    /** A fact to store: the event and the document held of it. */
    public record Incoming(UnitYear unitYear, EventEnvelope<?> event, JsonNode document) {
    }

    /** Stores facts of one kind, each newer than the one held (one query for those held, batched statements). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeAll(String kind, List<Incoming> incoming) {
        Map<FactSnapshot.Key, FactSnapshot> held = new HashMap<>();
        for (FactSnapshot s : snapshots(incoming.stream().map(Incoming::unitYear).toList(), false)) {
            held.put(s.key, s);
        }
        for (Incoming in : incoming) {
            FactSnapshot.Key key = new FactSnapshot.Key(in.unitYear().unitCode(), in.unitYear().fiscalYear(), kind);
            write(held.get(key), key, in.event(), in.document());
        }
    }

    /** Which of these unit-years have any fact held. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UnitYear> withFacts(Collection<UnitYear> unitYears) {
        Set<UnitYear> found = new HashSet<>();
        for (FactSnapshot s : snapshots(unitYears, false)) {
            UnitYear u = new UnitYear(s.key.unitCode(), s.key.fiscalYear());
            if (unitYears.contains(u)) {
                found.add(u);
            }
        }
        return found;
    }

    /**
     * The snapshots of the units of these unit-years in their years (and the years before), in one query: a superset
     * of what is asked for when units and years cross, which the callers filter.
     */
    private List<FactSnapshot> snapshots(Collection<UnitYear> unitYears, boolean withPreviousYears) {
        if (unitYears.isEmpty()) {
            return List.of();
        }
        Set<String> units = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        for (UnitYear u : unitYears) {
            units.add(u.unitCode());
            years.add(u.fiscalYear());
            if (withPreviousYears) {
                years.add(u.fiscalYear() - 1);
            }
        }
        return FactSnapshot.list("key.unitCode in ?1 and key.fiscalYear in ?2", units, years);
    }

    private void add(Facts facts, String name, FactSnapshot s) {
        if (s == null) {
            return;
        }
        JsonNode tree = json.tree(s.payload);
        facts.with(new Facts.Fact(name, tree, sourceName(s.source, s.key.kind()), s.version));
    }

    /** Facts are traced to the service that owns them (the event's source names the pushing system). */
    private static String sourceName(String pushedBy, String kind) {
        return ("budget".equals(kind) ? "budget-service" : "personnel-service") + " (pushed by " + pushedBy + ")";
    }
}
