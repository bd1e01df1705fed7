package io.jixiao.local.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Gets access tokens from the real Keycloak: the password grant on the public {@code jixiao-cli} client for
 * people (demo logins: password = user name), client credentials for department systems.
 */
public final class Tokens {

    /** The demo realm file, whose confidential clients carry their demo secrets (never used outside the demo). */
    public static final String DEMO_REALM = "deploy/keycloak/jixiao-realm.json";

    /** Each confidential client's secret as the demo realm file states it, read once. */
    private static final class DemoSecrets {
        static final Map<String, String> ALL = read();

        private static Map<String, String> read() {
            try {
                Map<String, String> secrets = new LinkedHashMap<>();
                for (JsonNode client : JSON.readTree(WorkDirs.root().resolve(DEMO_REALM).toFile()).path("clients")) {
                    if (client.hasNonNull("secret")) {
                        secrets.put(client.get("clientId").asText(), client.get("secret").asText());
                    }
                }
                return Map.copyOf(secrets);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read the demo realm " + DEMO_REALM, e);
            }
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Tokens handed out before, by token endpoint, client and login: reused while more than {@link #REUSE_MARGIN} of
     * their life is left. A password grant makes Keycloak hash the password (Argon2), tens of milliseconds of CPU
     * each; the tests ask for the same few logins thousands of times.
     */
    private static final Map<String, Issued> ISSUED = new ConcurrentHashMap<>();
    private static final Map<String, Object> FETCHING = new ConcurrentHashMap<>();
    private static final Duration REUSE_MARGIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenEndpoint;

    public Tokens(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    public static Tokens of(KeycloakServer keycloak) {
        return new Tokens(keycloak.tokenEndpoint());
    }

    /** A demo user's access token (password = user name). */
    public String user(String username) {
        return user(username, username);
    }

    public String user(String username, String password) {
        return user("jixiao-cli", username, password);
    }

    /**
     * A demo user's token that is no longer valid: issued by the demo realm's {@code jixiao-test-short-lived}
     * client (tokens live one second), returned once it has expired.
     */
    public String expiredUser(String username) {
        String token = user("jixiao-test-short-lived", username, username);
        try {
            Thread.sleep(2_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return token;
    }

    private String user(String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        return request(form, "user " + username);
    }

    /** A department system's access token (client credentials with the demo realm's secret). */
    public String client(String clientId) {
        String secret = DemoSecrets.ALL.get(clientId);
        if (secret == null) {
            throw new IllegalArgumentException("no demo secret for client " + clientId);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return request(form, "client " + clientId);
    }

    /** {@code user:NAME} or {@code client:ID}, as fixture manifests name who sends a request. */
    public String forPrincipal(String principal) {
        if (principal.startsWith("client:")) {
            return client(principal.substring("client:".length()));
        }
        return user(principal.startsWith("user:") ? principal.substring("user:".length()) : principal);
    }

    /** An access token and until when it may be handed out again. */
    private record Issued(String token, Instant reuseUntil) {
    }

    private String request(Map<String, String> form, String who) {
        String key = tokenEndpoint + '\n' + form;
        Issued before = ISSUED.get(key);
        if (before != null && Instant.now().isBefore(before.reuseUntil())) {
            return before.token();
        }
        // one request per login at a time: hundreds of threads finding the same token expired (the benchmark's
        // senders) wait for the one asking instead of all asking Keycloak at once
        synchronized (FETCHING.computeIfAbsent(key, k -> new Object())) {
            Issued meanwhile = ISSUED.get(key);
            if (meanwhile != null && Instant.now().isBefore(meanwhile.reuseUntil())) {
                return meanwhile.token();
            }
            Instant asked = Instant.now();
            JsonNode json = fetch(form, who);
            String token = json.get("access_token").asText();
            Instant reuseUntil = asked.plusSeconds(json.path("expires_in").asLong(0)).minus(REUSE_MARGIN);
            if (reuseUntil.isAfter(asked)) {
                ISSUED.put(key, new Issued(token, reuseUntil));
            }
            return token;
        }
    }

    private JsonNode fetch(Map<String, String> form, String who) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + who + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + who + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
