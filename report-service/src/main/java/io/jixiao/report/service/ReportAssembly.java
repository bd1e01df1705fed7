package io.jixiao.report.service;

import io.jixiao.commons.units.KnownUnit;
import io.jixiao.commons.units.KnownUnits;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.report.model.Held;
import io.jixiao.report.model.ReportModel;
import io.jixiao.report.model.ReportModel.Variant;
import io.jixiao.report.writing.ReportInputs;
import io.jixiao.report.writing.ReportWriter;
import io.jixiao.report.repository.FindingExplanation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers a unit-year's inputs from the read model and the narratives, and has the report written. */
@ApplicationScoped
public class ReportAssembly {

    private final ReadModel readModel;
    private final KnownUnits units;
    private final NarrativeRegister narratives;
    private final ReportWriter writer;

    public ReportAssembly(ReadModel readModel, KnownUnits units, NarrativeRegister narratives, ReportWriter writer) {
        this.readModel = readModel;
        this.units = units;
        this.narratives = narratives;
        this.writer = writer;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportInputs inputs(String unitCode, int fiscalYear) {
        Held<UnitSnapshot> unit = units.find(unitCode).flatMap(u -> units.profile(unitCode)
                .map(p -> held(u, p))).orElse(null);
        Map<String, String> explanations = new LinkedHashMap<>();
        List<FindingExplanation> rows = FindingExplanation.list("key.unitCode = ?1 and key.fiscalYear = ?2",
                unitCode, fiscalYear);
        rows.forEach(e -> explanations.put(e.key.ruleId(), e.explanation));
        return new ReportInputs(unitCode, fiscalYear, unit,
                readModel.<io.jixiao.events.budget.BudgetSnapshot>find(SnapshotKind.BUDGET, unitCode, fiscalYear)
                        .orElse(null),
                readModel.<io.jixiao.events.personnel.StaffSnapshot>find(SnapshotKind.PERSONNEL, unitCode,
                        fiscalYear).orElse(null),
                readModel.<io.jixiao.events.personnel.AssetSnapshot>find(SnapshotKind.ASSETS, unitCode, fiscalYear)
                        .orElse(null),
                readModel.<io.jixiao.events.assessment.ScoreSnapshot>find(SnapshotKind.SCORES, unitCode, fiscalYear)
                        .orElse(null),
                narratives.current(unitCode, fiscalYear), explanations);
    }

    /** The report as it stands now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportModel current(String unitCode, int fiscalYear, Variant variant) {
        return writer.write(inputs(unitCode, fiscalYear), variant);
    }

    private static Held<UnitSnapshot> held(KnownUnit u, UnitSnapshot profile) {
        return new Held<>(profile, u.version, u.eventId.toString(), "personnel-service", null, u.updatedAt);
    }
}
