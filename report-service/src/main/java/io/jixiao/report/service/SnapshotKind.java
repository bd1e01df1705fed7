package io.jixiao.report.service;

import io.jixiao.events.Topics;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;

/** The snapshots of other services the report is assembled from, with their topic and event type. */
public enum SnapshotKind {
    BUDGET("budget", Topics.BUDGET, BudgetSnapshot.TYPE, BudgetSnapshot.class),
    PERSONNEL("personnel", Topics.PERSONNEL, StaffSnapshot.TYPE, StaffSnapshot.class),
    ASSETS("assets", Topics.ASSETS, AssetSnapshot.TYPE, AssetSnapshot.class),
    SCORES("scores", Topics.SCORES, ScoreSnapshot.TYPE, ScoreSnapshot.class);

    private final String stored;
    private final String topic;
    private final String eventType;
    private final Class<?> payloadType;

    SnapshotKind(String stored, String topic, String eventType, Class<?> payloadType) {
        this.stored = stored;
        this.topic = topic;
        this.eventType = eventType;
        this.payloadType = payloadType;
    }

    /** The name stored in {@code upstream_snapshot.kind} and shown as a finding's origin. */
    public String stored() {
        return stored;
    }

    public String topic() {
        return topic;
    }

    public String eventType() {
        return eventType;
    }

    public Class<?> payloadType() {
        return payloadType;
    }
}
