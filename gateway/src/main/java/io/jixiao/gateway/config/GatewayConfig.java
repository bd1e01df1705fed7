package io.jixiao.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** Where the gateway routes to. */
@ConfigMapping(prefix = "jixiao.gateway")
public interface GatewayConfig {

    /** budget-service, behind {@code /api/budget}. */
    String budgetUrl();

    /** personnel-service, behind {@code /api/personnel}. */
    String personnelUrl();

    /** assessment-service, behind {@code /api/assessment}. */
    String assessmentUrl();

    /** report-service, behind {@code /api/reports}. */
    String reportUrl();

    /** How long a backend may take to answer. */
    Duration timeout();
}
