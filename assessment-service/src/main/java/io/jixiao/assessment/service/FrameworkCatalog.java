package io.jixiao.assessment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Frameworks;
import io.jixiao.assessment.repository.FrameworkRecord;
import io.jixiao.commons.audit.AuditTrail;
import io.jixiao.commons.audit.JsonDiff;
import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.web.ProblemException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The indicator frameworks, versioned: the default one is loaded at the first start; administrators load others.
 * A version, once loaded, never changes — scores computed with it stay explainable; a change is a new version.
 * Every load is in the audit trail (no unit, no year), the default one as loaded by the service itself.
 */
@ApplicationScoped
public class FrameworkCatalog {

    /** Who loads the default framework: the service itself, at its first start. */
    static final Actor STARTUP = new Actor("system", "assessment-service", null, null);

    /** What the audit trail records of a loaded version: its identity and scope, not its whole indicator tree. */
    record LoadedVersion(String id, int version, String name, List<String> regions, int fromYear, int toYear,
            int priority) {
    }

    private final ObjectMapper mapper;
    private final StoredJson json;
    private final AuditTrail audit;
    private final String defaultFramework;
    private final ConcurrentHashMap<FrameworkRecord.Key, Framework> parsed = new ConcurrentHashMap<>();

    public FrameworkCatalog(ObjectMapper mapper, StoredJson json, AuditTrail audit,
            @ConfigProperty(name = "jixiao.assessment.default-framework") String defaultFramework) {
        this.mapper = mapper;
        this.json = json;
        this.audit = audit;
        this.defaultFramework = defaultFramework;
    }

    @Transactional
    void loadDefault(@Observes StartupEvent start) {
        KeyLocks.lock("framework-catalog");
        Framework f = Frameworks.bundled(defaultFramework);
        if (FrameworkRecord.findById(new FrameworkRecord.Key(f.id(), f.version())) == null) {
            store(f, STARTUP);
        }
    }

    /** Loads a framework version; the same version again is a no-op, a different one under the same number a 409. */
    @Transactional
    public boolean load(Framework framework, Actor actor) {
        KeyLocks.lock("framework-catalog");
        FrameworkRecord held = FrameworkRecord.findById(new FrameworkRecord.Key(framework.id(), framework.version()));
        if (held != null) {
            if (JsonDiff.same(json.tree(held.definition), mapper.valueToTree(framework))) {
                return false;
            }
            throw ProblemException.conflict("framework " + framework.id() + " version " + framework.version()
                    + " exists with other content; a framework version is never changed in place: load version "
                    + (latestVersion(framework.id()) + 1));
        }
        store(framework, actor);
        return true;
    }

    /**
     * The framework that applies to a unit of this region in this year: highest priority, then newest version; empty
     * while none is loaded for them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Framework> select(String region, int fiscalYear) {
        return select(all(), region, fiscalYear);
    }

    /** The framework of {@code loaded} that applies to a unit of this region in this year (see above). */
    public static Optional<Framework> select(List<Framework> loaded, String region, int fiscalYear) {
        return loaded.stream().filter(f -> f.appliesTo(region, fiscalYear))
                .max(Comparator.comparingInt(Framework::priority).thenComparingInt(Framework::version));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Framework> find(String id, int version) {
        FrameworkRecord r = FrameworkRecord.findById(new FrameworkRecord.Key(id, version));
        return Optional.ofNullable(r).map(this::framework);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Framework> all() {
        List<FrameworkRecord> records = FrameworkRecord.listAll();
        return records.stream().map(this::framework)
                .sorted(Comparator.comparing(Framework::id).thenComparingInt(Framework::version)).toList();
    }

    private int latestVersion(String id) {
        return all().stream().filter(f -> f.id().equals(id)).mapToInt(Framework::version).max().orElse(0);
    }

    private Framework framework(FrameworkRecord r) {
        return parsed.computeIfAbsent(r.key, k -> json.read(r.definition, Framework.class));
    }

    private void store(Framework f, Actor actor) {
        FrameworkRecord r = new FrameworkRecord();
        r.key = new FrameworkRecord.Key(f.id(), f.version());
        r.name = f.name();
        r.regions = String.join(",", f.regions());
        r.fromYear = f.fromYear();
        r.toYear = f.toYear();
        r.priority = f.priority();
        r.definition = json.write(f);
        r.loadedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.loadedBy = actor.name();
        r.persist();
        audit.record("framework.load", null, null, "framework " + f.id() + " v" + f.version(), actor,
                audit.diff(null, new LoadedVersion(f.id(), f.version(), f.name(), f.regions(), f.fromYear(), f.toYear(),
                        f.priority())));
    }
}
