package io.jixiao.gateway.routing;

import io.jixiao.gateway.problem.Problems;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds request bodies to {@code quarkus.http.limits.max-body-size} and says so in RFC 9457 problem details naming
 * the limit, where Quarkus alone would answer an empty 413 — and where, for a body streamed through the proxy
 * without a {@code Content-Length} (chunked), Quarkus would not check at all.
 * <ul>
 * <li>A declared {@code Content-Length} over the limit is refused by a route just before Quarkus's own check (order
 * {@value #ORDER}, Quarkus's is -2), before a byte of the body is read.</li>
 * <li>A chunked body is counted as it streams to the service ({@link ProxyInterceptor}): past the limit the request
 * to the service is reset — so the service never takes a truncated body for a whole one — and the caller gets the
 * same 413.</li>
 * </ul>
 * Either way the rest of the body is read and dropped (up to one more limit's worth) so that the caller can read the
 * answer, and then the connection is closed. (Quarkus closes it at once, which a client still sending shows as a
 * broken pipe rather than the answer.)
 */
@ApplicationScoped
public class BodySizeLimit implements ProxyInterceptor {

    static final int ORDER = -3;
    static final String TYPE = "urn:jixiao:problem:payload-too-large";
    private static final String TOO_LARGE = "jixiao.body-too-large";

    private final long limit;
    private final String limitText;

    public BodySizeLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") String maxBodySize) {
        this.limit = new MemorySizeConverter().convert(maxBodySize).asLongValue();
        this.limitText = maxBodySize;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::checkDeclaredLength);
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
            return;
        }
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.send(rc.response(), 413, TYPE, "Request body too large", detail())
                .onComplete(sent -> drainThenClose(rc.request()));
    }

    /**
     * After a refusal: reads and drops the rest of the body, then closes the connection (the answer said
     * {@code Connection: close}). Most clients send the whole body before they read an answer; closing at once would
     * show them a broken pipe instead of the problem details. At most one limit's worth more is read: past that, a
     * sender of a much larger body is cut off.
     */
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

    private String detail() {
        return "A request body may have at most " + limit + " bytes (" + limitText + ").";
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        Body body = context.request().getBody();
        if (body == null || body.length() >= 0) {
            return context.sendRequest(); // no body, or its declared length was checked by the route
        }
        LimitedStream limited = new LimitedStream(body.stream(), limit);
        context.request().setBody(Body.body(limited, -1));
        return context.sendRequest().recover(failure -> {
            if (!limited.exceeded) {
                return Future.failedFuture(failure);
            }
            context.set(TOO_LARGE, Boolean.TRUE);
            Buffer problem = Problems.body(413, TYPE, "Request body too large", detail());
            return Future.succeededFuture(context.request().release().response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.CONTENT_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").setBody(Body.body(problem)));
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (context.get(TOO_LARGE, Boolean.class) != null) {
            sent.onComplete(ar -> drainThenClose(context.request().proxiedRequest()));
        }
        return sent;
    }

    /** The body as it streams, failing (which makes the proxy reset the request to the service) past the limit. */
    private static final class LimitedStream implements ReadStream<Buffer> {

        private final ReadStream<Buffer> source;
        private final long limit;
        private long received;
        private boolean exceeded;
        private Handler<Throwable> exceptionHandler;

        LimitedStream(ReadStream<Buffer> source, long limit) {
            this.source = source;
            this.limit = limit;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(chunk -> {
                if (exceeded) {
                    return; // the rest is dropped until the connection is closed
                }
                received += chunk.length();
                if (received > limit) {
                    exceeded = true;
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new IllegalStateException("request body over " + limit + " bytes"));
                    }
                    return;
                }
                handler.handle(chunk);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            source.endHandler(handler == null ? null : v -> {
                if (!exceeded) {
                    handler.handle(v);
                }
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }
    }
}
