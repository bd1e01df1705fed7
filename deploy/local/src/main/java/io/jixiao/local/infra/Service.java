package io.jixiao.local.infra;

import java.util.List;

/**
 * The platform's five services: module directory, fixed port of the local run, database (none for the gateway),
 * and the path prefix the gateway routes to it.
 */
public enum Service {
    PERSONNEL("personnel-service", 8082, "personnel", "/api/personnel"),
    BUDGET("budget-service", 8081, "budget", "/api/budget"),
    ASSESSMENT("assessment-service", 8083, "assessment", "/api/assessment"),
    REPORT("report-service", 8084, "report", "/api/reports"),
    GATEWAY("gateway", 8080, null, "");

    private final String module;
    private final int defaultPort;
    private final String database;
    private final String gatewayPrefix;

    Service(String module, int defaultPort, String database, String gatewayPrefix) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
        this.gatewayPrefix = gatewayPrefix;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own database, or null for the gateway, which owns nothing. */
    public String database() {
        return database;
    }

    public String gatewayPrefix() {
        return gatewayPrefix;
    }

    /** The services behind the gateway. */
    public static List<Service> backends() {
        return List.of(PERSONNEL, BUDGET, ASSESSMENT, REPORT);
    }
}
