package io.jixiao.commons.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem details answered straight from a Vert.x route (a body too large, a caller over its rate, a missing token at
 * the gateway), where no REST exception mapper is in the way: the same document as the services' REST answers.
 */
public final class HttpProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpProblems() {
    }

    /** The problem details document. */
    public static Buffer body(Problem problem) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem of plain strings and numbers is always JSON", e);
        }
    }

    /** Ends the request's response with the problem; headers set before (e.g. Retry-After) are kept. */
    public static Future<Void> send(RoutingContext rc, ProblemType type, String detail) {
        return send(rc, type.problem(detail, rc.request().path(), null));
    }

    /** Ends the request's response with the problem; headers set before (e.g. Retry-After) are kept. */
    public static Future<Void> send(RoutingContext rc, Problem problem) {
        return rc.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body(problem));
    }
}
