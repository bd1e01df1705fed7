package io.jixiao.gateway.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.gateway.config.GatewayConfig;
import io.jixiao.gateway.routing.Backend;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The pages' way to the services: each call as the person looking (their access token), so every service checks
 * roles and unit scope itself, exactly as for a department system. Answers are read into plain maps and lists
 * (numbers as {@link java.math.BigDecimal}, never binary floating point) for the templates.
 */
@ApplicationScoped
public class Services {

    /** A service's whole answer. */
    public record Answer(int status, String contentType, byte[] body, String contentDisposition) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient client;
    private volatile String self;

    public Services(GatewayConfig config, ObjectMapper mapper) {
        this.config = config;
        this.json = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Starts a call; {@code body} is JSON (or null), sent with {@code contentType}. */
    public CompletableFuture<Answer> call(Viewer viewer, String method, Backend backend, String path, String accept,
            byte[] body, String contentType) {
        return call(viewer, method, URI.create(backend.uri(config) + path), accept, body, contentType);
    }

    /**
     * Starts a call to this gateway's own API (the whole year's workbook, which the gateway composes from the
     * services' sheets), over the loopback address, as the person.
     */
    public CompletableFuture<Answer> callGateway(Viewer viewer, String method, String path, String accept, byte[] body,
            String contentType) {
        return call(viewer, method, URI.create(self() + path), accept, body, contentType);
    }

    /** This gateway on the loopback address (its port is known once it listens: a test's is chosen at start). */
    private String self() {
        String known = self;
        if (known == null) {
            var cfg = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            String port = io.quarkus.runtime.LaunchMode.current() == io.quarkus.runtime.LaunchMode.TEST
                    ? cfg.getValue("quarkus.http.test-port", String.class)
                    : cfg.getValue("quarkus.http.port", String.class);
            known = "http://127.0.0.1:" + port;
            self = known;
        }
        return known;
    }

    private CompletableFuture<Answer> call(Viewer viewer, String method, URI uri, String accept, byte[] body,
            String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Accept", accept)
                .header("X-Request-Id", UUID.randomUUID().toString())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (viewer.accessToken() != null) {
            request.header("Authorization", "Bearer " + viewer.accessToken());
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                        r.body(), r.headers().firstValue("Content-Disposition").orElse(null)));
    }

    /** A JSON resource; refused or failed calls become the page's error ({@link PageException}). */
    public CompletableFuture<Object> read(Viewer viewer, Backend backend, String path) {
        return call(viewer, "GET", backend, path, "application/json", null, null).thenApply(this::jsonOf);
    }

    /** A JSON resource that may not exist yet: null when the service answers 404. */
    public CompletableFuture<Object> readIfAny(Viewer viewer, Backend backend, String path) {
        return call(viewer, "GET", backend, path, "application/json", null, null)
                .thenApply(a -> a.status() == 404 ? null : jsonOf(a));
    }

    /** Sends a JSON body (a form's content) and answers whatever the service said, refusals included. */
    public Answer send(Viewer viewer, String method, Backend backend, String path, Object body) {
        byte[] bytes;
        try {
            bytes = body == null ? null : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Answer answer = await(call(viewer, method, backend, path, "application/json", bytes, "application/json"));
        PageException.raiseIfAccessRefused(answer);
        return answer;
    }

    /** The answer's JSON as maps and lists. */
    public Object parse(Answer answer) {
        if (answer.body() == null || answer.body().length == 0) {
            return Map.of();
        }
        try {
            return json.readValue(answer.body(), Object.class);
        } catch (IOException e) {
            throw new PageException(502, "服务返回的内容无法读取");
        }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> parseObject(Answer answer) {
        return parse(answer) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private Object jsonOf(Answer answer) {
        PageException.raiseIfAccessRefused(answer);
        if (!answer.ok()) {
            throw PageException.of(answer, parse(answer));
        }
        return parse(answer);
    }

    /** Waits for a call started with {@link #call}, {@link #read} or {@link #readIfAny}. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PageException page) {
                throw page;
            }
            throw new PageException(503, "服务暂时不可用，请稍后再试");
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
