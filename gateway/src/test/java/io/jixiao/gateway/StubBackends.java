package io.jixiao.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for the four services behind the gateway: records every request it receives (method, URI, headers,
 * body size) and answers 200, so tests see exactly what the gateway forwarded — and what it did not.
 */
public class StubBackends implements QuarkusTestResourceLifecycleManager {

    /** What one request looked like when it reached a backend. */
    public record Received(String method, String uri, String authorization, String requestId, String forwardedFor,
            long bodyBytes) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", StubBackends::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("jixiao.gateway.budget-url", url, "jixiao.gateway.personnel-url", url,
                "jixiao.gateway.assessment-url", url, "jixiao.gateway.report-url", url);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        long size = 0;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
        }
        var h = exchange.getRequestHeaders();
        String uri = exchange.getRequestURI().toString();
        if (!uri.startsWith("/q/health")) {
            RECEIVED.add(new Received(exchange.getRequestMethod(), uri, h.getFirst("Authorization"),
                    h.getFirst("X-Request-Id"), h.getFirst("X-Forwarded-For"), size));
        }
        byte[] body = ("{\"uri\":\"" + uri + "\",\"bytes\":" + size + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
