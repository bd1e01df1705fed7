package io.jixiao.report.service;

import io.jixiao.commons.documents.UnitYearDocuments;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.validation.FiscalYears;
import io.jixiao.report.model.NarrativeDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The narrative sections a unit writes for its report, kept in the unit-year document store ({@link NarrativeKind}):
 * stored as pushed, versioned, every version kept. Pushing the same text again changes nothing; a change is in the
 * audit trail with the sections' text from and to, and a change to a submitted report's text makes it a draft again.
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
            @Schema(description = "来源方式：工作簿上传时为 workbook sha256:文件的SHA-256；经 API 推送时为空。") String origin,
            @Schema(description = "改动的节：如 annualGoals、problems。") List<String> changedFields) {
    }

    private final UnitYearDocuments documents;
    private final NarrativeKind kind;
    private final KnownUnits units;
    private final Event<ReportContentChanged> changed;
    private final EntityManager em;

    public NarrativeRegister(UnitYearDocuments documents, NarrativeKind kind, KnownUnits units,
            Event<ReportContentChanged> changed, EntityManager em) {
        this.documents = documents;
        this.kind = kind;
        this.units = units;
        this.changed = changed;
        this.em = em;
    }

    @Transactional
    public PutResult put(String unitCode, int fiscalYear, NarrativeDocument narratives, Actor actor) {
        units.requireForChange(unitCode);
        FiscalYears.require(fiscalYear);
        UnitYearDocuments.PutResult stored = documents.put(kind, unitCode, fiscalYear, narratives, actor, null);
        if (stored.changed()) {
            em.flush(); // what observers of the change read, they read from the database
            changed.fire(new ReportContentChanged(unitCode, fiscalYear, "narratives v" + stored.version()));
        }
        return new PutResult(unitCode, fiscalYear, stored.version(), stored.changed());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Held> get(String unitCode, int fiscalYear) {
        return documents.get(kind, unitCode, fiscalYear).map(held -> new Held(unitCode, fiscalYear, held.version(),
                held.document(), held.updatedAt(), held.updatedBy(), held.source()));
    }

    /** The narratives to print: what the unit pushed, or nothing yet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NarrativeDocument current(String unitCode, int fiscalYear) {
        return get(unitCode, fiscalYear).map(Held::narratives).orElse(NarrativeDocument.empty());
    }

    /** Every version, with the sections it changed (a list's items count as their section). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(String unitCode, int fiscalYear) {
        return documents.history(kind, unitCode, fiscalYear).stream().map(v -> new HistoryEntry(v.version(),
                v.changedAt(), v.changedBy(), v.source(), v.requestId(), v.origin(), v.changes().stream()
                        .map(c -> c.path().replaceAll("\\[\\d+]$", "")).distinct().toList())).toList();
    }

    public void requireKnown(String unitCode) {
        units.require(unitCode);
    }
}
