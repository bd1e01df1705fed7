package io.jixiao.report.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.audit.AuditTrail;
import io.jixiao.commons.audit.JsonDiff;
import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.report.model.NarrativeDocument;
import io.jixiao.report.repository.Narrative;
import io.jixiao.report.repository.NarrativeVersion;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The narrative sections a unit writes for its report: stored as pushed, versioned, every version kept. Pushing the
 * same text again changes nothing; a change is in the audit trail with the sections' text from and to, and a change
 * to a submitted report's text makes it a draft again.
 */
@ApplicationScoped
public class NarrativeRegister {

    /** What a push did. */
    public record PutResult(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "现存版本号：每次内容变化加一。") long version,
            @Schema(description = "是否有变化：false 表示与现存内容相同，未产生新版本。") boolean changed) {
    }

    /** The narratives as held. */
    public record Held(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "版本号。") long version,
            @Schema(description = "报告文字部分（按推送原样）。") NarrativeDocument narratives,
            @Schema(description = "最近变更时间。") OffsetDateTime updatedAt,
            @Schema(description = "最近变更人。") String updatedBy,
            @Schema(description = "来源系统。") String source) {
    }

    /** One version of the narratives, with the sections it changed. */
    public record HistoryEntry(
            @Schema(description = "版本号。") long version,
            @Schema(description = "变更时间。") OffsetDateTime changedAt,
            @Schema(description = "变更人。") String changedBy,
            @Schema(description = "来源系统。") String source,
            @Schema(description = "请求编号（X-Request-Id）。") String requestId,
            @Schema(description = "改动的节：如 annualGoals、problems。") List<String> changedFields) {
    }

    private final ObjectMapper mapper;
    private final StoredJson json;
    private final EntityManager em;
    private final KnownUnits units;
    private final Event<ReportContentChanged> changed;
    private final AuditTrail audit;

    public NarrativeRegister(ObjectMapper mapper, StoredJson json, EntityManager em, KnownUnits units,
            Event<ReportContentChanged> changed, AuditTrail audit) {
        this.mapper = mapper;
        this.json = json;
        this.em = em;
        this.units = units;
        this.changed = changed;
        this.audit = audit;
    }

    @Transactional
    public PutResult put(String unitCode, int fiscalYear, NarrativeDocument narratives, Actor actor) {
        units.requireForChange(unitCode);
        FiscalYears.require(fiscalYear);
        KeyLocks.lock("narrative:" + unitCode + ":" + fiscalYear);
        Narrative.Key key = new Narrative.Key(unitCode, fiscalYear);
        Narrative held = Narrative.findById(key);
        JsonNode next = mapper.valueToTree(narratives);
        if (held != null && JsonDiff.same(json.tree(held.body), next)) {
            return new PutResult(unitCode, fiscalYear, held.version, false);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JsonNode previous = held == null ? null : json.tree(held.body);
        if (held == null) {
            held = new Narrative();
            held.key = key;
            held.version = 0;
        }
        held.version++;
        held.body = next.toString();
        held.updatedAt = now;
        held.updatedBy = actor.name();
        held.source = actor.source();
        held.requestId = actor.requestId();
        held.persist();

        NarrativeVersion version = new NarrativeVersion();
        version.unitCode = unitCode;
        version.fiscalYear = fiscalYear;
        version.version = held.version;
        version.body = held.body;
        version.changedAt = now;
        version.changedBy = actor.name();
        version.source = actor.source();
        version.requestId = actor.requestId();
        version.persist();
        audit.record("narratives.put", unitCode, fiscalYear, "narratives " + unitCode + " " + fiscalYear, actor,
                audit.diff(previous, next));
        em.flush();
        changed.fire(new ReportContentChanged(unitCode, fiscalYear, "narratives v" + held.version));
        return new PutResult(unitCode, fiscalYear, held.version, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Held> get(String unitCode, int fiscalYear) {
        Narrative held = Narrative.findById(new Narrative.Key(unitCode, fiscalYear));
        if (held == null) {
            return Optional.empty();
        }
        return Optional.of(new Held(unitCode, fiscalYear, held.version, json.read(held.body, NarrativeDocument.class),
                held.updatedAt, held.updatedBy, held.source));
    }

    /** The narratives to print: what the unit pushed, or nothing yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NarrativeDocument current(String unitCode, int fiscalYear) {
        return get(unitCode, fiscalYear).map(Held::narratives).orElse(NarrativeDocument.empty());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(String unitCode, int fiscalYear) {
        List<NarrativeVersion> versions = NarrativeVersion.list("unitCode = ?1 and fiscalYear = ?2",
                Sort.by("version"), unitCode, fiscalYear);
        JsonNode[] previous = {mapper.createObjectNode()};
        return versions.stream().map(v -> {
            JsonNode body = json.tree(v.body);
            List<String> changed = JsonDiff.diff(previous[0], body).stream()
                    .map(c -> c.path().replaceAll("\\[\\d+]$", "")).distinct().toList();
            previous[0] = body;
            return new HistoryEntry(v.version, v.changedAt, v.changedBy, v.source, v.requestId, changed);
        }).toList();
    }

    public void requireKnown(String unitCode) {
        units.require(unitCode);
    }
}
