package io.jixiao.acceptance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The platform's API contract: its own merged OpenAPI document ({@code GET /openapi} at the gateway, fetched once),
 * against which the acceptance flows hold every exchange. An ordinary request and its answer must both be what the
 * document says; a request that is wrong on purpose (no token, malformed figures) must still get an answer the
 * document describes. A violation fails the test with every message.
 */
final class Contract {

    /** What of an exchange the document must describe. */
    enum Scope {
        /** an ordinary call: the request as well as the answer */
        EXCHANGE,
        /** a request that is wrong on purpose: only the answer */
        ANSWER
    }

    private static OpenApiInteractionValidator validator;

    private Contract() {
    }

    /** The validator for the running platform's document. */
    static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            try {
                String gateway = RunningPlatform.get().gatewayUrl();
                HttpResponse<String> document = Http.send("GET", gateway + "/openapi", null, null, null);
                if (document.statusCode() != 200) {
                    throw new AssertionError("GET /openapi answered " + document.statusCode() + ": " + document.body());
                }
                validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
            } catch (IOException e) {
                throw new AssertionError("the platform's OpenAPI document could not be read", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return validator;
    }

    /** For REST Assured calls: fails the call when its request or answer is not what the document says. */
    static OpenApiValidationFilter restAssured() {
        return new OpenApiValidationFilter(validator());
    }

    /**
     * Holds one exchange against the document; fails with every violation.
     *
     * @param url         the request's URL (any host; the path and query count)
     * @param contentType the request body's media type, or null without a body
     * @param token       the bearer token sent, if any
     */
    static void require(Scope scope, String method, String url, String contentType, String token, byte[] body,
            HttpResponse<?> response) {
        List<String> violations = violations(scope, method, url, contentType, token, body, response);
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join("\n", violations));
        }
    }

    /** Holds a fixture's request and its answer against the document. */
    static void require(io.jixiao.local.infra.Fixtures.Exchange e) {
        require(Scope.EXCHANGE, e.method(), e.url(), "application/json", e.token(), e.body(), e.response());
    }

    /** What of one exchange the document does not describe, one line each; empty when it all agrees. */
    static List<String> violations(Scope scope, String method, String url, String contentType, String token,
            byte[] body, HttpResponse<?> response) {
        ValidationReport report = scope == Scope.EXCHANGE
                ? validator().validate(request(method, url, contentType, token, body), answer(response))
                : validator().validateResponse(URI.create(url).getRawPath(), Request.Method.valueOf(method),
                        answer(response));
        List<String> violations = new java.util.ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            if (scope == Scope.ANSWER && m.getKey().equals("validation.request.path.missing")) {
                // a path made up on purpose has no operation to hold the answer to: it must be a problem all the same
                if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    violations.add("contract: " + method + " " + url + " → " + response.statusCode()
                            + ": an answer outside the document that is not problem details");
                }
                continue;
            }
            violations.add("contract: " + method + " " + url + " → " + response.statusCode() + ": " + m.getKey() + ": "
                    + m.getMessage());
        }
        return violations;
    }

    private static Request request(String method, String url, String contentType, String token, byte[] body) {
        URI uri = URI.create(url);
        SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        if (token != null) {
            request.withAuthorization("Bearer " + token);
        }
        if (body != null) {
            request.withContentType(contentType).withBody(body);
        }
        return request.build();
    }

    private static com.atlassian.oai.validator.model.Response answer(HttpResponse<?> response) {
        SimpleResponse.Builder answer = new SimpleResponse.Builder(response.statusCode());
        for (Map.Entry<String, List<String>> header : response.headers().map().entrySet()) {
            answer.withHeader(header.getKey(), header.getValue());
        }
        Object body = response.body();
        if (body instanceof byte[] bytes && bytes.length > 0) {
            answer.withBody(bytes); // JSON and text are checked against their schema; PDF and DOCX only for presence
        } else if (body instanceof String text && !text.isEmpty()) {
            answer.withBody(text);
        }
        return answer.build();
    }
}
