package io.jixiao.gateway.routing;

import io.jixiao.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Routes {@code /api/<service>/**} to the services with Vert.x's reverse proxy: bodies stream through (a DOCX or
 * PDF download is never buffered whole), the bearer token is forwarded as it came, every request gets an
 * {@code X-Request-Id} (kept if the caller sent one) that the services log and that comes back on the response,
 * and {@code X-Forwarded-*} say where the request came from. Token checks happen before these routes, in
 * Quarkus's HTTP security (see {@code quarkus.http.auth.permission.*}); so do the body size limit
 * ({@link BodySizeLimit}, which also counts chunked bodies as they stream) and the per-caller rate limit
 * ({@code ratelimit.RateLimitRoute}).
 */
@ApplicationScoped
public class ProxyRoutes {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    void register(@Observes Router router, Vertx vertx, GatewayConfig config, BodySizeLimit bodySizeLimit) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setIdleTimeout((int) config.timeout().toSeconds())
                .setMaxPoolSize(64));
        for (Backend backend : Backend.all()) {
            URI uri = backend.uri(config);
            SocketAddress origin = SocketAddress.inetSocketAddress(Backend.port(uri), uri.getHost());
            HttpProxy api = HttpProxy.reverseProxy(client).origin(context -> context.client()
                    .request(new RequestOptions().setServer(origin))
                    .onSuccess(request -> request.exceptionHandler(e -> onOriginFailure(backend, e))))
                    .addInterceptor(bodySizeLimit);
            router.route(backend.prefix() + "*").order(10).handler(ProxyRoutes::stampRequest)
                    .handler(ProxyHandler.create(api));

            // each service's own OpenAPI document, for the Swagger UI of the whole platform
            HttpProxy openapi = HttpProxy.reverseProxy(client).origin(Backend.port(uri), uri.getHost())
                    .addInterceptor(new RewritePath("/q/openapi?format=json"));
            router.get("/openapi/" + backend.id()).order(10).handler(ProxyHandler.create(openapi));
            LOG.infof("routing %s* to %s", backend.prefix(), uri);
        }
    }

    /**
     * Failures of a request to a service also fail the proxy's futures, which answer the caller (502); without this
     * handler Vert.x would in addition log each at ERROR — also the reset by which {@link BodySizeLimit} stops a body
     * over the limit, which is no error of the gateway.
     */
    private static void onOriginFailure(Backend backend, Throwable failure) {
        if (failure instanceof StreamResetException) {
            LOG.debugf("request to %s reset: %s", backend.id(), failure);
        } else {
            LOG.warnf("request to %s failed: %s", backend.id(), failure);
        }
    }

    /** Adds the request id and X-Forwarded headers before the request is proxied. */
    public static void stampRequest(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 100) {
            requestId = UUID.randomUUID().toString();
            request.headers().set(REQUEST_ID, requestId);
        }
        rc.response().putHeader(REQUEST_ID, requestId);
        String remote = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        request.headers().set("X-Forwarded-For", forwardedFor == null ? remote : forwardedFor + ", " + remote);
        if (request.getHeader("X-Forwarded-Host") == null && request.authority() != null) {
            request.headers().set("X-Forwarded-Host", request.authority().toString());
        }
        if (request.getHeader("X-Forwarded-Proto") == null) {
            request.headers().set("X-Forwarded-Proto", request.scheme());
        }
        rc.next();
    }

    /** Sends the proxied request to a fixed path of the origin. */
    private record RewritePath(String path) implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            context.request().setURI(path);
            return context.sendRequest();
        }
    }
}
