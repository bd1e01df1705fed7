package io.jixiao.report.service;

import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;

/** The snapshots of other services the report is assembled from, with the payload type each is held as. */
public enum SnapshotKind {
    BUDGET("budget", BudgetSnapshot.class),
    PERSONNEL("personnel", StaffSnapshot.class),
    ASSETS("assets", AssetSnapshot.class),
    SCORES("scores", ScoreSnapshot.class);

    private final String stored;
    private final Class<?> payloadType;

    SnapshotKind(String stored, Class<?> payloadType) {
        this.stored = stored;
        this.payloadType = payloadType;
    }

    /** The name stored in {@code upstream_snapshot.kind} and shown as a finding's origin. */
    public String stored() {
        return stored;
    }

    public Class<?> payloadType() {
        return payloadType;
    }
}
