package io.jixiao.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads a fixture through the platform's public REST API, as the department systems would: a folder with a
 * {@code manifest.json} listing requests ({@code method}, gateway {@code path}, {@code as} — {@code user:NAME}
 * or {@code client:ID} — and the {@code body} file), sent in order. Each request must succeed.
 */
public final class Fixtures {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The fixture folders kept in the repository, under {@code deploy/fixtures/}. */
    public static Path folder(String name) {
        return WorkDirs.root().resolve("deploy/fixtures").resolve(name);
    }

    /**
     * The figures a fixture's report must carry, as its source document prints them ({@code report-figures.txt}:
     * one a line, {@code #} comments).
     */
    public static java.util.List<String> expectedFigures(Path folder) {
        try {
            return Files.readAllLines(folder.resolve("report-figures.txt")).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The wait a {@code Retry-After} asks for (seconds), at most 2 s, so a fixture loads as soon as it can. */
    private static long retryAfterMillis(HttpResponse<?> response) {
        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
        return Math.min(2000, Math.max(200, seconds * 1000 / 4));
    }

    /**
     * One request of a fixture and its answer, as sent: the URL, the bearer token, the JSON body (null without one).
     */
    public record Exchange(String method, String url, String token, byte[] body, HttpResponse<String> response) {
    }

    public static void load(Path folder, String gatewayUrl, Tokens tokens, Consumer<String> say) {
        load(folder, gatewayUrl, tokens, say, exchange -> { });
    }

    /** Loads a fixture, showing each final exchange to {@code observer} (tests hold them to the API contract). */
    public static void load(Path folder, String gatewayUrl, Tokens tokens, Consumer<String> say,
            Consumer<Exchange> observer) {
        load(folder, gatewayUrl, tokens, say, observer, step -> true);
    }

    /**
     * Loads several fixtures: every unit registered first, then each fixture's documents, so that the units' events
     * reach the other services while the rest are registered instead of each first push waiting for its unit.
     */
    public static void loadAll(java.util.List<Path> folders, String gatewayUrl, Tokens tokens, Consumer<String> say,
            Consumer<Exchange> observer) {
        for (Path folder : folders) {
            load(folder, gatewayUrl, tokens, say, observer, Fixtures::registersAUnit);
        }
        for (Path folder : folders) {
            load(folder, gatewayUrl, tokens, say, observer, step -> !registersAUnit(step));
        }
    }

    private static boolean registersAUnit(JsonNode step) {
        return step.get("path").asText().matches("/api/personnel/units/[^/]+");
    }

    private static void load(Path folder, String gatewayUrl, Tokens tokens, Consumer<String> say,
            Consumer<Exchange> observer, java.util.function.Predicate<JsonNode> which) {
        try {
            JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
            Map<String, String> tokenCache = new HashMap<>();
            for (JsonNode step : manifest.get("requests")) {
                if (!which.test(step)) {
                    continue;
                }
                String method = step.get("method").asText();
                String path = step.get("path").asText();
                String principal = step.get("as").asText();
                String token = tokenCache.computeIfAbsent(principal, tokens::forPrincipal);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json");
                byte[] body = null;
                if (step.hasNonNull("body")) {
                    body = Files.readAllBytes(folder.resolve(step.get("body").asText()));
                    request.header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
                } else {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                // a unit registered a moment ago reaches the other services by event: give it time to arrive
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (response.statusCode() == 409 && response.body().contains("unit-not-yet-known")
                        && System.nanoTime() < deadline) {
                    Thread.sleep(retryAfterMillis(response));
                    response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                }
                observer.accept(new Exchange(method, gatewayUrl + path, token, body, response));
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException(method + " " + path + " as " + principal + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                say.accept("  " + method + " " + path + " → " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fixture " + folder + " could not be loaded", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
