package io.jixiao.gateway.problem;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * RFC 9457 problem details for the answers the gateway gives itself (rate limited, body too large, a service's API
 * description unavailable), so that a caller sees the same shape of error as from the services behind it.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    /** The problem document: {@code type}, {@code title}, {@code status}, {@code detail}. */
    public static Buffer body(int status, String type, String title, String detail) {
        return new JsonObject().put("type", type).put("title", title).put("status", status).put("detail", detail)
                .toBuffer();
    }

    /** Ends {@code response} with the problem; headers set before (e.g. Retry-After) are kept. */
    public static Future<Void> send(HttpServerResponse response, int status, String type, String title,
            String detail) {
        return response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .end(body(status, type, title, detail));
    }
}
