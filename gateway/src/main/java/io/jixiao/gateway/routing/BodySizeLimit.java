package io.jixiao.gateway.routing;

import io.jixiao.commons.web.BodyLimit;
import io.jixiao.commons.web.HttpProblems;
import io.jixiao.commons.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Holds bodies streamed through the proxy without a {@code Content-Length} (chunked) to
 * {@code quarkus.http.limits.max-body-size}, which Quarkus would not check at all for them: the body is counted as it
 * streams to the service, and past the limit the request to the service is reset (so the service never takes a
 * truncated body for a whole one) and the caller gets the same 413 problem details as for a declared length over the
 * limit, which commons-web's {@link BodyLimit} refuses before the proxy sees the request.
 */
@ApplicationScoped
public class BodySizeLimit implements ProxyInterceptor {

    private static final String TOO_LARGE = "jixiao.body-too-large";

    private final BodyLimit bodyLimit;

    public BodySizeLimit(BodyLimit bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        Body body = context.request().getBody();
        if (body == null || body.length() >= 0) {
            return context.sendRequest(); // no body, or its declared length was checked by the route
        }
        LimitedStream limited = new LimitedStream(body.stream(), bodyLimit.limit());
        context.request().setBody(Body.body(limited, -1));
        return context.sendRequest().recover(failure -> {
            if (!limited.exceeded) {
                return Future.failedFuture(failure);
            }
            context.set(TOO_LARGE, Boolean.TRUE);
            Problem problem = bodyLimit.problem(context.request().proxiedRequest().path());
            return Future.succeededFuture(context.request().release().response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").setBody(Body.body(HttpProblems.body(problem))));
        });
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Future<Void> sent = context.sendResponse();
        if (context.get(TOO_LARGE, Boolean.class) != null) {
            sent.onComplete(ar -> bodyLimit.drainThenClose(context.request().proxiedRequest()));
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
