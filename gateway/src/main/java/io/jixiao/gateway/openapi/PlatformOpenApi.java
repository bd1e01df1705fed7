package io.jixiao.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.web.HttpProblems;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.gateway.config.GatewayConfig;
import io.jixiao.gateway.routing.Backend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Serves {@code GET /openapi}: the platform's one OpenAPI document, merged by {@link OpenApiMerger} from each
 * service's {@code /q/openapi?format=json}, fetched concurrently and without blocking, within
 * {@code jixiao.gateway.openapi.timeout}. A document missing a service would mislead its readers (an endpoint
 * "does not exist"), so if any service does not answer the gateway answers 503 problem details naming it instead.
 * A merged document is reused for {@code jixiao.gateway.openapi.cache-ttl}, and callers arriving while one is being
 * built wait for that one: the route is open, and must not turn each anonymous request into four.
 */
@ApplicationScoped
public class PlatformOpenApi {

    public static final String PATH = "/openapi";
    static final String SERVICE_DOCUMENT = "/q/openapi?format=json";
    static final String GATEWAY_DOCUMENT = "openapi/gateway.json";
    private static final Logger LOG = Logger.getLogger(PlatformOpenApi.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final OpenApiMerger merger;
    private final JsonNode gatewayDocument;
    private final HttpClient client;
    private volatile Cached cached;

    /** A merged document (or the one being merged) and when it was asked for. */
    private record Cached(Future<Buffer> document, long builtAtNanos) {
    }

    /** Why a service's document could not be had, in words for the caller (no internal addresses). */
    private static final class Unavailable extends Exception {
        Unavailable(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    public PlatformOpenApi(GatewayConfig config, Vertx vertx, ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "0.1.0") String version) {
        this.config = config;
        this.vertx = vertx;
        this.mapper = mapper;
        this.merger = new OpenApiMerger("jixiao platform API", version);
        this.gatewayDocument = gatewayDocument(mapper);
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, config.openapi().timeout().toMillis())));
    }

    void register(@Observes Router router) {
        router.get(PATH).order(10).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        document().onComplete(ar -> {
            if (ar.succeeded()) {
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(ar.result());
            } else if (ar.cause() instanceof UnavailableServices down) {
                HttpProblems.send(rc, ProblemType.SERVICE_UNAVAILABLE, down.getMessage());
            } else if (ar.cause() instanceof OpenApiMergeException conflict) {
                HttpProblems.send(rc, ProblemType.OPENAPI_CONFLICT,
                        "The platform document cannot be made: " + conflict.getMessage() + ".");
            } else {
                LOG.error("could not build the platform's OpenAPI document", ar.cause());
                rc.fail(ar.cause());
            }
        });
    }

    /** The merged document: the cached one while fresh (or still being built), else a new one. */
    Future<Buffer> document() {
        long now = System.nanoTime();
        Cached current = cached;
        if (current != null && (!current.document().isComplete() || current.document().succeeded()
                && now - current.builtAtNanos() < config.openapi().cacheTtl().toNanos())) {
            return current.document();
        }
        Future<Buffer> document = build();
        cached = new Cached(document, now);
        return document;
    }

    private Future<Buffer> build() {
        List<Future<Buffer>> fetches = new ArrayList<>();
        for (Backend backend : Backend.all()) {
            fetches.add(fetch(backend));
        }
        return Future.join(fetches).transform(all -> vertx.executeBlocking(() -> {
            // parsing and merging a few hundred kilobytes is not for an event loop
            List<String> down = new ArrayList<>();
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            for (int i = 0; i < fetches.size(); i++) {
                String service = Backend.all().get(i).id();
                Future<Buffer> fetch = fetches.get(i);
                if (fetch.failed()) {
                    down.add(service + " " + fetch.cause().getMessage());
                    LOG.warnf(fetch.cause().getCause(), "no OpenAPI document from %s: %s", service,
                            fetch.cause().getMessage());
                    continue;
                }
                try {
                    documents.put(service, mapper.readTree(fetch.result().getBytes()));
                } catch (IOException e) {
                    down.add(service + " answered with something that is not JSON");
                    LOG.warnf(e, "no OpenAPI document from %s", service);
                }
            }
            if (!down.isEmpty()) {
                throw new UnavailableServices(down);
            }
            documents.put("gateway", gatewayDocument); // the gateway's own routes (the year's workbook)
            return Buffer.buffer(mapper.writeValueAsBytes(merger.merge(documents)));
        }, false));
    }

    /** The gateway's own routes: {@code openapi/gateway.json} on its class path, read once. */
    private static JsonNode gatewayDocument(ObjectMapper mapper) {
        try (java.io.InputStream in = PlatformOpenApi.class.getResourceAsStream("/" + GATEWAY_DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(GATEWAY_DOCUMENT + " is missing from the gateway");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(GATEWAY_DOCUMENT + " cannot be read", e);
        }
    }

    /** One service's document as it came, or a failure saying why not, within the configured timeout. */
    private Future<Buffer> fetch(Backend backend) {
        URI uri = backend.uri(config);
        long timeout = config.openapi().timeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost())
                .setPort(Backend.port(uri)).setSsl("https".equals(uri.getScheme())).setURI(SERVICE_DOCUMENT)
                .setIdleTimeout(timeout).putHeader(HttpHeaders.ACCEPT, "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(new Unavailable("answered HTTP " + response.statusCode(), null)))
                .timeout(timeout, TimeUnit.MILLISECONDS)
                .recover(e -> Future.failedFuture(e instanceof Unavailable ? e : new Unavailable(
                        e instanceof TimeoutException ? "did not answer within " + timeout + " ms"
                                : e instanceof ConnectException ? "could not be reached" : "did not answer", e)));
    }

    /** Every service that could not hand over its document; the message names them all. */
    static final class UnavailableServices extends Exception {
        UnavailableServices(List<String> reasons) {
            super(String.join("; ", reasons) + "; the platform document is served whole or not at all.", null,
                    false, false);
        }
    }
}
