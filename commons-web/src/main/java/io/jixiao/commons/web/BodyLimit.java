package io.jixiao.commons.web;

import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request body over {@code quarkus.http.limits.max-body-size} is refused in problem details naming the limit, where
 * Quarkus alone answers an empty 413, at every entry point (the services and the gateway):
 * <ul>
 * <li>a declared {@code Content-Length} over the limit is refused by a route just before Quarkus's own check (order
 * {@value #ORDER}; Quarkus's is -2), before a byte of the body is read;</li>
 * <li>a chunked body that grows past the limit while Quarkus reads it fails the request with 413, answered here too
 * (the gateway, which streams bodies through, counts them itself and answers with {@link #refuse}).</li>
 * </ul>
 * Either way the rest of the body is read and dropped (up to one more limit's worth) so that the caller can read the
 * answer, then the connection is closed: Quarkus closes it at once, which a client still sending sees as a broken pipe
 * rather than the answer.
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before Quarkus's own body size check (order -2). */
    static final int ORDER = -3;

    private final long limit;
    private final String limitText;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
            String maxBodySize) {
        this.limit = new MemorySizeConverter().convert(maxBodySize).asLongValue();
        this.limitText = maxBodySize;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkDeclaredLength);
        router.route().failureHandler(rc -> {
            if (rc.statusCode() == 413 && !rc.response().ended()) {
                refuse(rc);
            } else {
                rc.next();
            }
        });
    }

    /** The most bytes a request body may have. */
    public long limit() {
        return limit;
    }

    /** The problem details of a body over the limit. */
    public Problem problem(String path) {
        return ProblemType.PAYLOAD_TOO_LARGE.problem(
                "A request body may have at most " + limit + " bytes (" + limitText + ").", path,
                List.of(new Problem.FieldError("body", "larger than " + limitText)));
    }

    private void checkDeclaredLength(RoutingContext rc) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1; // Vert.x's HTTP decoder refuses a malformed Content-Length before any route
        }
        if (length <= limit) {
            rc.next();
        } else {
            refuse(rc);
        }
    }

    private void refuse(RoutingContext rc) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        HttpProblems.send(rc, problem(rc.request().path())).onComplete(sent -> drainThenClose(rc.request()));
    }

    /**
     * After a refusal: reads and drops the rest of the body, then closes the connection (the answer said
     * {@code Connection: close}). Most clients send the whole body before they read an answer; closing at once would
     * show them a broken pipe instead of the problem details. At most one limit's worth more is read: past that, a
     * sender of a much larger body is cut off.
     */
    public void drainThenClose(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return; // one stream of a shared connection: ending the response ends the stream
        }
        if (request.isEnded()) {
            request.connection().close();
            return;
        }
        long[] drained = {0};
        request.exceptionHandler(e -> request.connection().close());
        request.endHandler(ended -> request.connection().close());
        request.handler(chunk -> {
            drained[0] += chunk.length();
            if (drained[0] > limit) {
                request.connection().close();
            }
        });
        request.resume();
    }
}
