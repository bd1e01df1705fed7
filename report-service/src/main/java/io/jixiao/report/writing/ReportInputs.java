package io.jixiao.report.writing;

import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;
import io.jixiao.report.model.Held;
import io.jixiao.report.model.NarrativeDocument;
import java.util.Map;

/**
 * Everything a unit-year's report is assembled from: the unit profile, the newest snapshot of each kind (or null
 * when none arrived yet), the unit's narratives and its explanations of findings by rule id.
 */
public record ReportInputs(
        String unitCode,
        int fiscalYear,
        Held<UnitSnapshot> unit,
        Held<BudgetSnapshot> budget,
        Held<StaffSnapshot> staff,
        Held<AssetSnapshot> assets,
        Held<ScoreSnapshot> scores,
        NarrativeDocument narratives,
        Map<String, String> explanations) {
}
