package io.jixiao.assessment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.repository.IndicatorScore;
import io.jixiao.assessment.repository.UnitScore;
import io.jixiao.assessment.scoring.EvaluationInputs;
import io.jixiao.assessment.scoring.Facts;
import io.jixiao.assessment.scoring.Scorer;
import io.jixiao.commons.audit.JsonDiff;
import io.jixiao.commons.documents.UnitYearDocuments;
import io.jixiao.commons.json.StoredJson;
import io.jixiao.commons.outbox.Outbox;
import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.commons.units.KnownUnit;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.commons.work.WorkItem;
import io.jixiao.commons.work.WorkQueue;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.findings.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Computes a unit-year's scores from the facts held, what the unit stated and the framework that applies, and
 * publishes a new score snapshot through the outbox whenever the result changes — in the same transaction as the
 * fact or statement that caused it.
 */
@ApplicationScoped
public class ScoringService {


    private final FactStore facts;
    private final FrameworkCatalog frameworks;
    private final UnitYearDocuments documents;
    private final EvaluationKind evaluationKind;
    private final KnownUnits units;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final StoredJson json;
    private final EntityManager em;
    private final WorkQueue work;

    public ScoringService(FactStore facts, FrameworkCatalog frameworks, UnitYearDocuments documents,
            EvaluationKind evaluationKind, KnownUnits units, Outbox outbox, ObjectMapper mapper, StoredJson json,
            EntityManager em, WorkQueue work) {
        this.facts = facts;
        this.frameworks = frameworks;
        this.documents = documents;
        this.evaluationKind = evaluationKind;
        this.units = units;
        this.outbox = outbox;
        this.mapper = mapper;
        this.json = json;
        this.em = em;
        this.work = work;
    }

    /**
     * The framework that applies to the unit in that year, or a 409 problem saying that none does yet (a statement
     * names a framework's indicators, so it cannot be checked without one).
     */
    public Framework frameworkFor(String unitCode, int fiscalYear) {
        String region = units.find(unitCode).map(u -> u.region).orElse(null);
        return frameworks.select(region, fiscalYear).orElseThrow(() -> new ProblemException(ProblemType.NO_FRAMEWORK,
                noFramework(region, fiscalYear) + "; an administrator loads one at PUT /api/assessment/frameworks",
                List.of(new Problem.FieldError("fiscalYear", "no indicator framework applies to this year"))));
    }

    /**
     * Rescores a unit-year; returns the snapshot held afterwards (new or unchanged). A unit-year that cannot be scored
     * yet (its unit has not arrived from the units register, or no framework applies to its region and year) is
     * held with that status instead, and scored when the unit or a framework arrives.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public ScoreSnapshot rescore(String unitCode, int fiscalYear, String cause) {
        UnitYear unitYear = new UnitYear(unitCode, fiscalYear);
        return rescore(Map.of(unitYear, cause)).get(unitYear);
    }

    /**
     * Rescores many unit-years in the caller's transaction, each for its cause, reading what they rest on in a few
     * queries (units, facts with the years before, scores held) instead of a few per unit-year; returns the snapshots
     * held afterwards.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public Map<UnitYear, ScoreSnapshot> rescore(Map<UnitYear, String> causes) {
        List<UnitYear> unitYears = causes.keySet().stream().sorted().toList();
        KeyLocks.lockAll(unitYears.stream().map(u -> "score:" + u.unitCode() + ":" + u.fiscalYear()).toList());
        Set<String> codes = new HashSet<>();
        unitYears.forEach(u -> codes.add(u.unitCode()));
        Map<String, KnownUnit> known = new HashMap<>();
        KnownUnit.<KnownUnit>list("unitCode in ?1", codes).forEach(u -> known.put(u.unitCode, u));
        Map<UnitYear, Facts> held = facts.facts(unitYears);
        Map<UnitScore.Key, UnitScore> scores = new HashMap<>();
        UnitScore.<UnitScore>list("key.unitCode in ?1", codes).forEach(s -> scores.put(s.key, s));
        List<Framework> loaded = frameworks.all();
        Map<UnitYear, ScoreSnapshot> results = new LinkedHashMap<>();
        List<UnitYear> changed = new ArrayList<>();
        for (UnitYear unitYear : unitYears) {
            ScoreSnapshot result = score(unitYear, Optional.ofNullable(known.get(unitYear.unitCode())), loaded,
                    held.get(unitYear));
            results.put(unitYear, result);
            UnitScore before = scores.get(new UnitScore.Key(unitYear.unitCode(), unitYear.fiscalYear()));
            if (before == null || !JsonDiff.same(json.tree(before.result), mapper.valueToTree(result))) {
                changed.add(unitYear);
            }
        }
        // the indicator rows of every changed unit-year go in one statement, before any new one is written
        deleteIndicatorRows(changed.stream().filter(u -> scores.containsKey(new UnitScore.Key(u.unitCode(),
                u.fiscalYear()))).toList());
        for (UnitYear unitYear : changed) {
            UnitScore.Key key = new UnitScore.Key(unitYear.unitCode(), unitYear.fiscalYear());
            store(key, scores.get(key), Optional.ofNullable(known.get(unitYear.unitCode())), results.get(unitYear),
                    causes.get(unitYear));
        }
        return results;
    }

    private void deleteIndicatorRows(List<UnitYear> unitYears) {
        if (unitYears.isEmpty()) {
            return;
        }
        em.createNativeQuery("delete from indicator_score i using unnest(cast(?1 as text[]), cast(?2 as int[]))"
                + " as d(unit_code, fiscal_year) where i.unit_code = d.unit_code and i.fiscal_year = d.fiscal_year")
                .setParameter(1, unitYears.stream().map(UnitYear::unitCode).toArray(String[]::new))
                .setParameter(2, unitYears.stream().map(UnitYear::fiscalYear).toArray(Integer[]::new))
                .executeUpdate();
    }

    private ScoreSnapshot score(UnitYear unitYear, Optional<KnownUnit> unit, List<Framework> loaded, Facts held) {
        String unitCode = unitYear.unitCode();
        int fiscalYear = unitYear.fiscalYear();
        String region = unit.map(u -> u.region).orElse(null);
        Optional<Framework> framework = unit.isEmpty() ? Optional.empty()
                : FrameworkCatalog.select(loaded, region, fiscalYear);
        var stated = documents.get(evaluationKind, unitCode, fiscalYear);
        EvaluationInputs statement = stated.map(UnitYearDocuments.Held::document).orElse(EvaluationInputs.empty());
        long statedVersion = stated.map(UnitYearDocuments.Held::version).orElse(0L);
        if (unit.isEmpty()) {
            return Scorer.unscored(unitCode, fiscalYear, ScoreSnapshot.Status.UNIT_UNKNOWN, "单位" + unitCode
                    + "尚未从单位名录（personnel-service）到达评分服务：到达后自动评分", held, statement, statedVersion);
        }
        if (framework.isEmpty()) {
            return Scorer.unscored(unitCode, fiscalYear, ScoreSnapshot.Status.NO_FRAMEWORK,
                    noFramework(region, fiscalYear) + "：加载适用的指标体系后自动评分", held, statement, statedVersion);
        }
        return Scorer.score(unitCode, fiscalYear, framework.get(), held, statement, statedVersion);
    }

    /**
     * Stores and publishes a result that differs from the one held, with the next version (its indicator rows deleted
     * already).
     */
    private void store(UnitScore.Key key, UnitScore held, Optional<KnownUnit> unit, ScoreSnapshot result,
            String cause) {
        String unitCode = key.unitCode();
        int fiscalYear = key.fiscalYear();
        if (held == null) {
            held = new UnitScore();
            held.key = key;
            held.version = 0;
        }
        held.version++;
        held.status = result.status().name();
        held.frameworkId = result.framework() == null ? null : result.framework().id();
        held.frameworkVersion = result.framework() == null ? null : result.framework().version();
        held.total = result.total();
        held.grade = result.grade();
        held.coveragePercent = result.coverage() == null ? null : result.coverage().percent();
        held.declaredTotal = result.declaredTotal();
        held.region = unit.map(u -> u.region).orElse(null);
        held.level = unit.map(u -> u.level).orElse(null);
        held.errorFindings = (int) result.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        held.warningLevel = result.warnings().stream().map(ScoreSnapshot.Warning::level)
                .min(java.util.Comparator.comparing(l -> "RED".equals(l) ? 0 : 1)).orElse(null);
        held.result = json.write(result);
        held.computedAt = OffsetDateTime.now(ZoneOffset.UTC);
        held.persist();

        for (ScoreSnapshot.IndicatorResult r : result.indicators()) {
            IndicatorScore row = new IndicatorScore();
            row.key = new IndicatorScore.Key(unitCode, fiscalYear, r.code());
            row.score = r.score();
            row.actualValue = r.actualValue();
            row.assessable = r.assessable();
            row.region = held.region;
            row.level = held.level;
            row.grade = held.grade;
            row.persist();
        }
        outbox.add(Topics.SCORES, new EventEnvelope<>(UUID.randomUUID(), ScoreSnapshot.TYPE,
                EventEnvelope.unitYearKey(unitCode, fiscalYear), held.version, held.computedAt.toInstant(),
                "assessment-service", cause, result));
    }

    /** Queues every year of a unit that has facts for scoring (when the unit arrives or its profile changes). */
    @Transactional(Transactional.TxType.REQUIRED)
    public int queueUnit(String unitCode, String cause) {
        @SuppressWarnings("unchecked")
        List<Number> years = em.createNativeQuery(
                "select distinct fiscal_year from fact_snapshot where unit_code = ?1 order by 1")
                .setParameter(1, unitCode).getResultList();
        work.add(ScoreWork.KIND, years.stream().map(y -> new WorkItem(unitCode, y.intValue(), cause)).toList());
        return years.size();
    }

    private static String noFramework(String region, int fiscalYear) {
        return (region == null ? "未标明地区的单位" : region) + fiscalYear + "年度尚无适用的指标体系";
    }

    /**
     * Queues every unit-year that has facts for scoring (after a framework was loaded); returns how many. Every
     * replica's queue worker takes its share, a batch at a time ({@link ScoreWork}).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public int rescoreAll(String cause) {
        return work.addAll(ScoreWork.KIND, "select distinct unit_code, fiscal_year from fact_snapshot", cause);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitScore> held(String unitCode, int fiscalYear) {
        return UnitScore.findByIdOptional(new UnitScore.Key(unitCode, fiscalYear));
    }

    public ScoreSnapshot read(UnitScore score) {
        return json.read(score.result, ScoreSnapshot.class);
    }
}
