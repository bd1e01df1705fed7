package io.jixiao.commons.messaging;

import io.jixiao.events.EventEnvelope;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;

/**
 * The platform's streams of snapshots as read models subscribe to them, one {@link Subscription} per topic of
 * {@link io.jixiao.events.Topics}: which payload each carries, how its record key follows from the payload, and what a
 * payload must hold.
 */
public final class Streams {

    /** Unit profiles (单位基本信息), keyed by unit code. */
    public static final Subscription<UnitSnapshot> UNITS = Subscription.of("unit", UnitSnapshot.TYPE,
            UnitSnapshot.class, UnitSnapshot::unitCode);

    /** Budgets (预算) per unit-year. */
    public static final Subscription<BudgetSnapshot> BUDGET = Subscription.of("budget", BudgetSnapshot.TYPE,
            BudgetSnapshot.class, b -> unitYear(b.unitCode(), b.fiscalYear()))
            .requiring("a budget", b -> b.budget() != null);

    /** Staff (人员) per unit-year. */
    public static final Subscription<StaffSnapshot> PERSONNEL = Subscription.of("personnel", StaffSnapshot.TYPE,
            StaffSnapshot.class, s -> unitYear(s.unitCode(), s.fiscalYear()))
            .requiring("staff", s -> s.staff() != null);

    /** Assets (资产) per unit-year. */
    public static final Subscription<AssetSnapshot> ASSETS = Subscription.of("assets", AssetSnapshot.TYPE,
            AssetSnapshot.class, a -> unitYear(a.unitCode(), a.fiscalYear()))
            .requiring("assets", a -> a.assets() != null);

    /** Indicator scores (评分) per unit-year. */
    public static final Subscription<ScoreSnapshot> SCORES = Subscription.of("scores", ScoreSnapshot.TYPE,
            ScoreSnapshot.class, s -> unitYear(s.unitCode(), s.fiscalYear()));

    private Streams() {
    }

    /** The key of a unit-year, or null when the payload names no unit. */
    private static String unitYear(String unitCode, int fiscalYear) {
        return unitCode == null || unitCode.isBlank() ? null : EventEnvelope.unitYearKey(unitCode, fiscalYear);
    }
}
