package io.jixiao.commons.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.security.Actor;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The audit trail (审计留痕, DESIGN §9): every write records who (token subject and user name), from which system
 * (the OAuth client), which request, when, and what changed. An entry is written in the transaction of the change
 * it records ({@code MANDATORY}): a change that commits has its entry, one that rolls back leaves none, and there is
 * no way to record a change without being inside one. Entries are never changed: there is no API for it and the
 * table refuses updates and deletes (each service's {@code V…__audit.sql}).
 */
@ApplicationScoped
public class AuditTrail {

    /** An entry as the API shows it. */
    public record Entry(
            @Schema(description = "编号。") long id,
            @Schema(description = "发生时间。") OffsetDateTime occurredAt,
            @Schema(description = "单位编码；与单位无关的操作为空。") String unitCode,
            @Schema(description = "预算年度；与年度无关的操作为空。") Integer fiscalYear,
            @Schema(description = "操作：如 unit.put、staff-category.put。") String action,
            @Schema(description = "操作对象：如 unit XZ-WXB。") String target,
            @Schema(description = "操作人的令牌主体（subject）。") String subject,
            @Schema(description = "操作人的用户名。") String username,
            @Schema(description = "来源系统（OAuth 客户端）。") String client,
            @Schema(description = "请求编号（X-Request-Id）。") String requestId,
            @Schema(description = "来源方式：工作簿上传时为 workbook sha256:文件的SHA-256；经 API 推送时为空。") String origin,
            @Schema(description = "变更内容：通常为各字段的路径、原值和新值的列表。") JsonNode changes) {
    }

    private final ObjectMapper mapper;
    private final StoredJson json;

    public AuditTrail(ObjectMapper mapper, StoredJson json) {
        this.mapper = mapper;
        this.json = json;
    }

    /**
     * Records a change.
     *
     * @param action     what was done, {@code <thing>.<verb>}: {@code budget.put}, {@code unit.put},
     *                   {@code framework.load}, {@code report.submit}, {@code explanation.delete} …
     * @param unitCode   the unit it belongs to, null for what belongs to no unit (reference lists, frameworks)
     * @param fiscalYear the fiscal year it belongs to, null for what belongs to no year (a unit's profile)
     * @param target     what was changed, readable: {@code budget XZ-WXB 2024}
     * @param actor      who, from which system, in which request
     * @param changes    what changed: a list of {@link JsonDiff.Change} (see {@link #diff}), or the new values or a
     *                   short description where there was no previous state; written as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String unitCode, Integer fiscalYear, String target, Actor actor,
            Object changes) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(actor, "actor");
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        entry.unitCode = unitCode;
        entry.fiscalYear = fiscalYear;
        entry.action = action;
        entry.target = target;
        entry.subject = actor.principal();
        entry.username = actor.name() == null ? "unknown" : actor.name();
        entry.client = actor.source();
        entry.requestId = actor.requestId();
        entry.origin = actor.origin();
        entry.changes = json.write(changes == null ? List.of() : changes);
        entry.persist();
    }

    /**
     * The field-level changes from one state to the next, each as path, old and new value; {@code before} null means
     * there was nothing before (every value is new), {@code after} null that it was removed.
     */
    public List<JsonDiff.Change> diff(Object before, Object after) {
        return JsonDiff.diff(tree(before), tree(after));
    }

    /** A unit-year's trail, oldest first: the entries of that year and the unit's entries of no year. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Entry> unitYear(String unitCode, int fiscalYear) {
        List<AuditEntry> entries = AuditEntry.list("unitCode = ?1 and (fiscalYear = ?2 or fiscalYear is null)",
                Sort.by("occurredAt").and("id"), unitCode, fiscalYear);
        return entries.stream().map(e -> new Entry(e.id, e.occurredAt, e.unitCode, e.fiscalYear, e.action, e.target,
                e.subject, e.username, e.client, e.requestId, e.origin, json.tree(e.changes))).toList();
    }

    private JsonNode tree(Object value) {
        if (value == null) {
            return mapper.createObjectNode();
        }
        return value instanceof JsonNode node ? node : mapper.valueToTree(value);
    }
}
