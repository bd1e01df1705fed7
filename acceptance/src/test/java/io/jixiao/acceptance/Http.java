package io.jixiao.acceptance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The acceptance tests' one HTTP client: HTTP/1.1 (as department systems speak it), a bearer token if given. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** A request with a text body (or none when {@code body} is null), answered as text. */
    static HttpResponse<String> send(String method, String url, String token, String contentType, String body)
            throws IOException, InterruptedException {
        return CLIENT.send(request(method, url, token, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request with a body of raw bytes (which need not be valid UTF-8), answered as text. */
    static HttpResponse<String> sendRaw(String method, String url, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return CLIENT.send(request(method, url, token, contentType, body),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request answered as bytes (DOCX and PDF reports). */
    static HttpResponse<byte[]> sendForBytes(String method, String url, String token, String contentType,
            String body) throws IOException, InterruptedException {
        return CLIENT.send(request(method, url, token, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * What a caller reads at each path under {@code base}, in order: what a refused or malformed request must leave
     * as it was. Every path must answer 200.
     */
    static Map<String, String> readAll(String base, String token, List<String> paths)
            throws IOException, InterruptedException {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> response = send("GET", base + path, token, null, null);
            if (response.statusCode() != 200) {
                throw new AssertionError(path + ": HTTP " + response.statusCode() + " " + response.body());
            }
            state.put(path, response.body());
        }
        return state;
    }

    private static HttpRequest request(String method, String url, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }
}
