package io.jixiao.gateway.ratelimit;

import io.jixiao.commons.security.CallerScope;
import io.jixiao.commons.web.HttpProblems;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Limits each caller on {@code /api/*} to {@code jixiao.gateway.rate-limit.requests-per-second} with bursts of
 * {@code burst}, before anything is proxied: a department system stuck in a retry loop, or a script pulling every
 * report, slows down itself and not the other units' pushes or the finance department's queries. Over the limit the
 * caller gets 429 with {@code Retry-After} and problem details, and the service never sees the request.
 *
 * <p>A caller is the token's client ({@code azp}) and subject ({@code sub}) — so two users of the same client, or
 * two department systems, have budgets of their own — or, without a token (published reports), the remote address
 * (the real client's when {@code quarkus.http.proxy.*} trusts the proxy in front). A feeder system, whose token names
 * a region or a list of units ({@link CallerScope#isFeeder()}), has the larger budget of {@code rate-limit.feeder.*}:
 * it speaks for a province's units, not for one. The route runs after Quarkus's authentication (order -200), which
 * has put the identity on the request.
 */
@ApplicationScoped
public class RateLimitRoute {

    /** How often idle buckets are dropped: a bucket idle for longer than burst / rate is full and forgettable. */
    static final long EVICTION_PERIOD_MS = 10_000;
    private static final Logger LOG = Logger.getLogger(RateLimitRoute.class);
    private Vertx vertx;
    private long evictionTimer = -1;

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        GatewayConfig.RateLimit settings = config.rateLimit();
        if (!settings.enabled()) {
            LOG.info("rate limiting is off (jixiao.gateway.rate-limit.enabled=false)");
            return;
        }
        RateLimiter.Limit person = new RateLimiter.Limit(settings.requestsPerSecond(), settings.burst());
        RateLimiter.Limit feeder = new RateLimiter.Limit(settings.feeder().requestsPerSecond(),
                settings.feeder().burst());
        RateLimiter limiter = new RateLimiter(person, settings.maxTrackedCallers(), System::nanoTime);
        this.vertx = vertx;
        evictionTimer = vertx.setPeriodic(EVICTION_PERIOD_MS, id -> vertx.executeBlocking(limiter::evictIdle, false));
        router.route("/api/*").order(5).handler(rc -> {
            JsonWebToken token = token(rc);
            RateLimiter.Limit limit = token != null && CallerScope.of(token::getClaim).isFeeder() ? feeder : person;
            long wait = limiter.tryTake(caller(rc, token), limit);
            if (wait == 0) {
                rc.next();
                return;
            }
            long retryAfter = TokenBucket.retryAfterSeconds(wait);
            rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            HttpProblems.send(rc, ProblemType.RATE_LIMITED,
                    "This caller may send " + limit.requestsPerSecond() + " requests per second (bursts of up to "
                            + limit.burst() + "); retry after " + retryAfter + " s.");
        });
        LOG.infof("rate limit: %d requests/s per caller, bursts of %d; a feeder system %d/s, bursts of %d",
                person.requestsPerSecond(), person.burst(), feeder.requestsPerSecond(), feeder.burst());
    }

    /** Stops the eviction timer (Vert.x outlives the application in dev mode's restarts). */
    void stop(@Observes ShutdownEvent event) {
        if (evictionTimer >= 0) {
            vertx.cancelTimer(evictionTimer);
        }
    }

    /** The request's verified token, or null (no token, or an identity of another kind). */
    private static JsonWebToken token(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                && user.getSecurityIdentity().getPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        return null;
    }

    /** Who is calling: the token's client and subject, else the remote address. */
    static String caller(RoutingContext rc, JsonWebToken token) {
        if (token != null) {
            return "client " + token.getClaim("azp") + " subject " + token.getSubject();
        }
        if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            SecurityIdentity identity = user.getSecurityIdentity();
            return "principal " + identity.getPrincipal().getName();
        }
        SocketAddress remote = rc.request().remoteAddress();
        return "address " + (remote == null ? "unknown" : remote.hostAddress());
    }
}
