package io.jixiao.gateway.security;

import io.jixiao.commons.web.HttpProblems;
import io.jixiao.commons.web.ProblemType;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /api/*} needs a valid token (but published reports, open data), and a caller without one is told so in RFC
 * 9457 problem details with {@code WWW-Authenticate: Bearer}, as the services behind the gateway tell every other
 * refusal — where Quarkus's HTTP permissions alone would answer an empty 401.
 * <ul>
 * <li>A token that is expired, forged or otherwise invalid fails Quarkus's (proactive) authentication: its failure is
 * answered here.</li>
 * <li>A request without a token is anonymous after authentication: this route, before the rate limit and the proxy,
 * refuses it.</li>
 * </ul>
 */
@ApplicationScoped
public class ApiAuthentication {

    /** After Quarkus's authentication (order -200), before the rate limit (5) and the proxy (10). */
    static final int ORDER = 4;
    static final String OPEN_DATA = "/api/reports/public/";

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::requireToken);
        router.route().failureHandler(this::answerFailure);
    }

    private void requireToken(RoutingContext rc) {
        // the API takes bearer tokens only: a page's session cookie does not reach the services (nor lets another
        // site's form post to the API in the person's name)
        boolean authenticated = rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                && rc.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (authenticated || rc.normalizedPath().startsWith(OPEN_DATA)) {
            rc.next();
        } else {
            unauthorized(rc);
        }
    }

    private void answerFailure(RoutingContext rc) {
        Throwable failure = rc.failure();
        if (rc.response().ended() || !rc.normalizedPath().startsWith("/api/")) {
            // the pages' own failures: Quarkus answers them (a login redirect for a page without a session)
            rc.next();
        } else if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException) {
            unauthorized(rc);
        } else if (failure instanceof ForbiddenException) {
            HttpProblems.send(rc, ProblemType.FORBIDDEN, "not allowed");
        } else {
            rc.next();
        }
    }

    private static void unauthorized(RoutingContext rc) {
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        HttpProblems.send(rc, ProblemType.UNAUTHORIZED, "a valid bearer token is required");
    }
}
