package io.jixiao.events;

/**
 * Kafka topic names. One topic per kind of snapshot (DESIGN §4); records are keyed by
 * {@code unitCode} or {@code unitCode:fiscalYear} so one unit's events stay ordered on one partition.
 */
public final class Topics {

    /** Unit profiles (单位基本信息), owned by personnel-service, keyed by unit code. */
    public static final String UNITS = "units.snapshots";
    /** Budget revenue, expenditure and execution per unit-year, owned by budget-service. */
    public static final String BUDGET = "budget.snapshots";
    /** Staff, establishment and movements per unit-year, owned by personnel-service. */
    public static final String PERSONNEL = "personnel.snapshots";
    /** Fixed and intangible assets per unit-year, owned by personnel-service. */
    public static final String ASSETS = "assets.snapshots";
    /** Computed indicator scores per unit-year, owned by assessment-service. */
    public static final String SCORES = "assessment.scores";
    /** Report workflow status per unit-year, owned by report-service. */
    public static final String REPORT_STATUS = "report.status";

    /** The dead-letter topic a consumer group uses for a topic it cannot process. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + ".dlq." + consumerGroup;
    }

    private Topics() {
    }
}
