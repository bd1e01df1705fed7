package io.jixiao.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Quarkus alone answers an empty 413: a declared {@code Content-Length} is checked by a route just before Quarkus's
 * own check, before a byte of the body is read; a chunked body that grows past the limit fails the request with 413,
 * answered here too. The rest of the body is read and dropped (up to one more limit's worth) so that the client can
 * read the answer, then the connection is closed. (The gateway does the same for what it proxies.)
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before Quarkus's own body size check (order -2). */
    static final int ORDER = -3;
    static final String TYPE = "urn:jixiao:problem:payload-too-large";

    private final long limit;
    private final String limitText;
    private final ObjectMapper mapper;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
            String maxBodySize, ObjectMapper mapper) {
        this.limit = new MemorySizeConverter().convert(maxBodySize).asLongValue();
        this.limitText = maxBodySize;
        this.mapper = mapper;
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
        Problem problem = new Problem(TYPE, "Request body too large", 413,
                "A request body may have at most " + limit + " bytes (" + limitText + ").",
                rc.request().path(), List.of(new Problem.FieldError("body", "larger than " + limitText)));
        String json;
        try {
            json = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(json)
                .onComplete(sent -> drainThenClose(rc.request()));
    }

    /** Reads and drops the rest of a refused body (at most one more limit's worth), then closes the connection. */
    private void drainThenClose(HttpServerRequest request) {
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
