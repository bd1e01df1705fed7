package io.jixiao.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the gateway routes to, and what it protects the services from. */
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

    /** Per-caller request budget on {@code /api/*}, so that one runaway client cannot starve the others. */
    RateLimit rateLimit();

    /** The platform's merged OpenAPI document at {@code /openapi}. */
    OpenApi openapi();

    /**
     * A token bucket per caller: it refills at {@link #requestsPerSecond()} and holds at most {@link #burst()}; a
     * feeder system's by {@link #feeder()}.
     */
    interface RateLimit {

        /** Off switch, e.g. for load tests behind a limiter of their own. */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second one caller may send. */
        @WithDefault("50")
        int requestsPerSecond();

        /** How many requests one caller may send at once after being idle (the bucket's size). */
        @WithDefault("200")
        int burst();

        /**
         * How many callers' buckets are kept at most; beyond it, callers without a bucket share one, so a flood of
         * new addresses costs bounded memory and still cannot get through unthrottled.
         */
        @WithDefault("100000")
        int maxTrackedCallers();

        /**
         * A feeder system's budget (a token naming a region or a list of units, such as a province's
         * 预算管理一体化系统): it pushes for thousands of units, in batches and in single pushes as their figures
         * change, so one unit's budget would throttle a whole province.
         */
        Feeder feeder();
    }

    /** Each feeder system's own budget. */
    interface Feeder {

        @WithDefault("500")
        int requestsPerSecond();

        @WithDefault("1000")
        int burst();
    }

    /** How the merged document is fetched. */
    interface OpenApi {

        /** How long all four services together may take to hand over their documents. */
        @WithDefault("5s")
        Duration timeout();

        /** How long a merged document is reused, so that an open endpoint cannot make the gateway hammer services. */
        @WithDefault("5s")
        Duration cacheTtl();
    }
}
