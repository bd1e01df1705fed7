package io.jixiao.commons.documents;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.api.Finding;
import io.jixiao.commons.audit.AuditTrail;
import io.jixiao.commons.audit.JsonDiff;
import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.outbox.Outbox;
import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.events.EventEnvelope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Keeps unit-year documents: a push stores the document exactly as sent with its reconciliation findings, bumps
 * the version, records who changed which figures from what to what (in the document's history and in the service's
 * {@link AuditTrail}), and puts the whole new state into the outbox, all in one transaction. Pushing the same figures
 * again changes nothing, records nothing and publishes nothing.
 */
@ApplicationScoped
public class UnitYearDocuments {

    /** What a push did: the version now held, whether it changed anything, and the findings. */
    public record PutResult(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "现存版本号：每次内容变化加一。") long version,
            @Schema(description = "是否有变化：false 表示与现存内容相同，未产生新版本。") boolean changed,
            @Schema(description = "核对问题（勾稽关系核对）。") List<Finding> findings) {
    }

    /** One document of a batch. */
    public record Item<D>(String unitCode, int fiscalYear, D document) {
    }

    /** A document as held. */
    public record Held<D>(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "预算年度。") int fiscalYear,
            @Schema(description = "文档（按推送原样）。") D document,
            @Schema(description = "版本号。") long version,
            @Schema(description = "核对问题（勾稽关系核对）。") List<Finding> findings,
            @Schema(description = "最近变更时间。") OffsetDateTime updatedAt,
            @Schema(description = "最近变更人。") String updatedBy,
            @Schema(description = "来源系统：推送该版本的系统。") String source,
            @Schema(description = "请求编号（X-Request-Id）。") String requestId) {
    }

    /** One version in the audit trail; {@code changedBySubject} is the token subject (null in early versions). */
    public record HistoryEntry(
            @Schema(description = "版本号。") long version,
            @Schema(description = "变更时间。") OffsetDateTime changedAt,
            @Schema(description = "变更人。") String changedBy,
            @Schema(description = "变更人的令牌主体（subject）；早期版本为空。") String changedBySubject,
            @Schema(description = "来源系统。") String source,
            @Schema(description = "请求编号（X-Request-Id）。") String requestId,
            @Schema(description = "来源方式：工作簿上传时为 workbook sha256:文件的SHA-256；经 API 推送时为空。") String origin,
            @Schema(description = "变更明细：每个变化的数字的路径、原值和新值。") List<JsonDiff.Change> changes,
            @Schema(description = "该版本的核对问题。") List<Finding> findings) {
    }

    private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() { };
    private static final TypeReference<List<JsonDiff.Change>> CHANGES = new TypeReference<>() { };

    private final ObjectMapper mapper;
    private final StoredJson json;
    private final Outbox outbox;
    private final AuditTrail audit;

    public UnitYearDocuments(ObjectMapper mapper, StoredJson json, Outbox outbox,
            AuditTrail audit) {
        this.mapper = mapper;
        this.json = json;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Stores one document; with an idempotency key, a repeat of the same request returns the first answer. */
    @Transactional
    public <D> PutResult put(DocumentKind<D, ?> kind, String unitCode, int fiscalYear, D document, Actor actor,
            String idempotencyKey) {
        return idempotent(actor, idempotencyKey, kind.name() + "|" + unitCode + "|" + fiscalYear, document,
                new TypeReference<PutResult>() { }, () -> store(kind, unitCode, fiscalYear, document, actor));
    }

    private static String lockKey(DocumentKind<?, ?> kind, String unitCode, int fiscalYear) {
        return kind.name() + ":" + unitCode + ":" + fiscalYear;
    }

    /** Stores a batch all or nothing, in one transaction. */
    @Transactional
    public <D> List<PutResult> putAll(DocumentKind<D, ?> kind, List<Item<D>> items, Actor actor, String idempotencyKey) {
        return idempotent(actor, idempotencyKey, kind.name() + "|batch", items, new TypeReference<List<PutResult>>() { },
                () -> {
                    // every unit-year of the batch at once, in order: two batches sharing unit-years cannot deadlock
                    KeyLocks.lockAll(items.stream().map(i -> lockKey(kind, i.unitCode(), i.fiscalYear())).toList());
                    List<PutResult> results = new ArrayList<>();
                    for (Item<D> item : items) {
                        results.add(store(kind, item.unitCode(), item.fiscalYear(), item.document(), actor));
                    }
                    return results;
                });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public <D> Optional<Held<D>> get(DocumentKind<D, ?> kind, String unitCode, int fiscalYear) {
        StoredDocument held = StoredDocument.findById(new StoredDocument.Key(kind.name(), unitCode, fiscalYear));
        if (held == null) {
            return Optional.empty();
        }
        return Optional.of(new Held<>(unitCode, fiscalYear, json.read(held.body, kind.type()), held.version,
                json.read(held.findings, FINDINGS), held.updatedAt, held.updatedBy, held.source, held.requestId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(DocumentKind<?, ?> kind, String unitCode, int fiscalYear) {
        List<DocumentVersion> versions = DocumentVersion.list("kind = ?1 and unitCode = ?2 and fiscalYear = ?3",
                Sort.by("version"), kind.name(), unitCode, fiscalYear);
        return versions.stream().map(v -> new HistoryEntry(v.version, v.changedAt, v.changedBy, v.changedBySubject,
                v.source, v.requestId, v.origin, json.read(v.changes, CHANGES), json.read(v.findings, FINDINGS))).toList();
    }

    private <D, C> PutResult store(DocumentKind<D, C> kind, String unitCode, int fiscalYear, D document, Actor actor) {
        // one writer per unit-year at a time, also for the first push of a unit-year
        KeyLocks.lock(lockKey(kind, unitCode, fiscalYear));
        StoredDocument.Key key = new StoredDocument.Key(kind.name(), unitCode, fiscalYear);
        StoredDocument held = StoredDocument.findById(key);
        JsonNode next = mapper.valueToTree(document);
        JsonNode previous = held == null ? mapper.createObjectNode() : json.tree(held.body);
        List<JsonDiff.Change> changes = JsonDiff.diff(previous, next);
        if (held != null && changes.isEmpty()) {
            return new PutResult(unitCode, fiscalYear, held.version, false, json.read(held.findings, FINDINGS));
        }
        C contract = kind.contract(document);
        List<io.jixiao.events.findings.Finding> findings = kind.reconcile(unitCode, fiscalYear, contract);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (held == null) {
            held = new StoredDocument();
            held.key = key;
            held.version = 0;
        }
        held.version++;
        held.body = json.write(next);
        held.findings = json.write(findings);
        held.updatedAt = now;
        held.updatedBy = actor.name();
        held.source = actor.source();
        held.requestId = actor.requestId();
        held.persist();

        DocumentVersion version = new DocumentVersion();
        version.kind = kind.name();
        version.unitCode = unitCode;
        version.fiscalYear = fiscalYear;
        version.version = held.version;
        version.body = held.body;
        version.findings = held.findings;
        version.changes = json.write(changes);
        version.changedAt = now;
        version.changedBy = actor.name();
        version.changedBySubject = actor.principal();
        version.source = actor.source();
        version.requestId = actor.requestId();
        version.origin = actor.origin();
        version.persist();
        audit.record(kind.name() + ".put", unitCode, fiscalYear, kind.name() + " " + unitCode + " " + fiscalYear,
                actor, changes);

        if (kind.topic() != null) {
            outbox.add(kind.topic(), new EventEnvelope<>(UUID.randomUUID(), kind.eventType(),
                    EventEnvelope.unitYearKey(unitCode, fiscalYear), held.version, now.toInstant(), actor.source(),
                    actor.name(), kind.snapshot(unitCode, fiscalYear, contract, findings)));
        }
        return new PutResult(unitCode, fiscalYear, held.version, true, Finding.of(findings));
    }

    private <R> R idempotent(Actor actor, String idempotencyKey, String scope, Object request, TypeReference<R> type,
            Supplier<R> action) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return action.get();
        }
        if (idempotencyKey.length() > 200) {
            throw ProblemException.badField("Idempotency-Key", "at most 200 characters");
        }
        String hash = sha256(scope + "|" + json.write(mapper.valueToTree(request)));
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(actor.principal(), idempotencyKey);
        KeyLocks.lock("idem:" + actor.principal() + ":" + idempotencyKey);
        IdempotencyRecord seen = IdempotencyRecord.findById(key);
        if (seen != null) {
            if (!seen.requestHash.equals(hash)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used for a different request",
                        List.of(new io.jixiao.commons.web.Problem.FieldError("Idempotency-Key",
                                "already used for a different request")));
            }
            return json.read(seen.response, type);
        }
        R result = action.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = key;
        record.requestHash = hash;
        record.response = json.write(result);
        record.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        record.persist();
        return result;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
