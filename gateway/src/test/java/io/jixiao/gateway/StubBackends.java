package io.jixiao.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for the four services behind the gateway, one server each: records every request it receives (which
 * service, method, URI, headers, body size) and answers 200, so tests see exactly what the gateway forwarded — and
 * what it did not. {@code /q/openapi} serves a small document of that service ({@code stub-openapi/<id>.json}),
 * or what a test put in {@link #OPENAPI_ANSWERS}.
 */
public class StubBackends implements QuarkusTestResourceLifecycleManager {

    /** What one request looked like when it reached a backend. */
    public record Received(String backend, String method, String uri, String authorization, String requestId,
            String forwardedFor, long bodyBytes) {
    }

    /** {@link #OPENAPI_ANSWERS} value: the service answers 503 for its document. */
    public static final String FAILING = "failing";
    /** {@link #OPENAPI_ANSWERS} value: the service takes longer than the gateway waits. */
    public static final String SILENT = "silent";
    /** How long the gateway waits for the documents in tests (and how long {@link #SILENT} is, three times). */
    public static final long OPENAPI_TIMEOUT_MS = 2_000;
    /**
     * The rate limit in tests: small enough for a burst to be cut off, large enough for every other test (each
     * caller sends far fewer than {@link #BURST} requests in the whole run). Set here, for all test classes, rather
     * than in a test profile: a profile would restart the application and with it the test infrastructure.
     */
    public static final int RATE = 5;
    public static final int BURST = 10;
    /** A feeder system's rate limit in tests: a burst it lets through is three times a person's. */
    public static final int FEEDER_RATE = 5;
    public static final int FEEDER_BURST = 30;

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Requests whose body ended before it was whole (the gateway reset them): never acted on, so never received. */
    public static final List<Received> CUT_OFF = new CopyOnWriteArrayList<>();
    /** Per service id: {@link #FAILING}, {@link #SILENT} or a JSON document to serve instead of the usual one. */
    public static final Map<String, String> OPENAPI_ANSWERS = new ConcurrentHashMap<>();

    /** An answer a test makes a backend give: status, content type, body. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    /**
     * What a test makes the backends answer instead of the echo (null, or an answer of null: the echo); given the
     * service id and the request as received (its body read).
     */
    public static volatile java.util.function.BiFunction<String, Received, Answer> ANSWERS;

    /** Service id (as in the gateway's /openapi/<id>) to the gateway property naming its URL. */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("budget", "jixiao.gateway.budget-url");
        SERVICES.put("personnel", "jixiao.gateway.personnel-url");
        SERVICES.put("assessment", "jixiao.gateway.assessment-url");
        SERVICES.put("reports", "jixiao.gateway.report-url");
    }

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        SERVICES.forEach((service, property) -> {
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread thread = new Thread(r, "stub-" + service);
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/", exchange -> handle(service, exchange));
            server.start();
            servers.add(server);
            config.put(property, "http://127.0.0.1:" + server.getAddress().getPort());
        });
        // the merged document is rebuilt for every request (tests switch what the services serve) and given up on
        // sooner than in production, so that a silent service costs a test 2 s
        config.put("jixiao.gateway.openapi.cache-ttl", "0s");
        config.put("jixiao.gateway.openapi.timeout", OPENAPI_TIMEOUT_MS + "ms");
        config.put("jixiao.gateway.rate-limit.requests-per-second", String.valueOf(RATE));
        config.put("jixiao.gateway.rate-limit.burst", String.valueOf(BURST));
        config.put("jixiao.gateway.rate-limit.feeder.requests-per-second", String.valueOf(FEEDER_RATE));
        config.put("jixiao.gateway.rate-limit.feeder.burst", String.valueOf(FEEDER_BURST));
        return config;
    }

    private static void handle(String service, HttpExchange exchange) throws IOException {
        long size = 0;
        var h = exchange.getRequestHeaders();
        String uri = exchange.getRequestURI().toString();
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
        } catch (IOException e) {
            CUT_OFF.add(new Received(service, exchange.getRequestMethod(), uri, h.getFirst("Authorization"),
                    h.getFirst("X-Request-Id"), h.getFirst("X-Forwarded-For"), size));
            exchange.close();
            return;
        }
        Received received = new Received(service, exchange.getRequestMethod(), uri, h.getFirst("Authorization"),
                h.getFirst("X-Request-Id"), h.getFirst("X-Forwarded-For"), size);
        if (!uri.startsWith("/q/health")) {
            RECEIVED.add(received);
        }
        var answers = ANSWERS;
        Answer custom = answers == null || uri.startsWith("/q/") ? null : answers.apply(service, received);
        if (custom != null) {
            exchange.getResponseHeaders().set("Content-Type", custom.contentType());
            exchange.sendResponseHeaders(custom.status(), custom.body().length == 0 ? -1 : custom.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(custom.body());
            }
            return;
        }
        byte[] body;
        if (uri.startsWith("/q/openapi")) {
            String answer = OPENAPI_ANSWERS.get(service);
            if (FAILING.equals(answer)) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            if (SILENT.equals(answer)) {
                sleep(3 * OPENAPI_TIMEOUT_MS);
            }
            body = answer != null && !SILENT.equals(answer) ? answer.getBytes(StandardCharsets.UTF_8)
                    : document(service);
        } else {
            body = ("{\"uri\":\"" + uri + "\",\"bytes\":" + size + "}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The service's usual OpenAPI document. */
    public static byte[] document(String service) {
        try (InputStream in = StubBackends.class.getResourceAsStream("/stub-openapi/" + service + ".json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
        servers.clear();
    }
}
