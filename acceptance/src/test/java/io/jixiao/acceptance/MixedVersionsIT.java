package io.jixiao.acceptance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Tokens;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report is never submitted on mixed versions (issue 11): the consistent unit's figures for 2022 are pushed, then a
 * corrected budget, and the report is submitted at once. The budget reaches assessment-service and report-service as
 * separate events: the submission is either refused while the scores do not rest on the figures the report shows
 * (409, naming what is pending) or accepted on one set of versions — never on a budget of one version beside scores
 * of another. Once the scores have caught up, it is accepted, resting on the corrected budget.
 */
class MixedVersionsIT {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String UNIT = "XZ-TJJ";
    /** No other test holds figures of XZ-TJJ for the year before or after, whose scores would move with these. */
    private static final int YEAR = 2022;

    private static String gateway;
    private static Tokens tokens;
    private static String system;
    private static String finance;

    @BeforeAll
    static void start() {
        gateway = RunningPlatform.get().gatewayUrl();
        tokens = RunningPlatform.tokens();
        system = tokens.forPrincipal("client:xz-tjj-finance-system");
        finance = tokens.user("finance");
    }

    @Test
    void aReportIsSubmittedOnlyOnScoresOfTheFiguresItShows() throws Exception {
        Path fixture = Fixtures.folder("xz-tjj-2024");
        send("PUT", "/api/personnel/units/" + UNIT, tokens.user("admin"), Files.readString(fixture.resolve("unit.json")));
        for (String kind : new String[] {"staff", "assets"}) {
            ObjectNode document = (ObjectNode) JSON.readTree(fixture.resolve(kind + ".json").toFile());
            document.put("asOf", YEAR + "-12-31");
            awaitPushed("/api/personnel/units/" + UNIT + "/years/" + YEAR + "/" + kind, document.toString());
        }
        ObjectNode budget = (ObjectNode) JSON.readTree(fixture.resolve("budget.json").toFile());
        awaitPushed(budgetPath(), budget.toString());
        // the evidence for every indicator, so that the evaluation is complete and nothing but the versions can block
        awaitPushed("/api/assessment/units/" + UNIT + "/years/" + YEAR + "/evaluation",
                Files.readString(fixture.resolve("evaluation.json")));
        String report = "/api/reports/units/" + UNIT + "/years/" + YEAR;
        await().atMost(Duration.ofSeconds(90)).until(() -> pending(report) == 0);

        // a corrected budget, and the report submitted at once
        ObjectNode corrected = budget.deepCopy();
        corrected.with("revenue").put("carryover",
                budget.path("revenue").path("carryover").decimalValue().add(new BigDecimal("100.00")));
        HttpResponse<String> pushed = send("PUT", budgetPath(), system, corrected.toString());
        assertEquals(200, pushed.statusCode(), pushed.body());
        long correctedVersion = JSON.readTree(pushed.body()).get("version").asLong();
        String approver = tokens.user("reporter-tjj");
        HttpResponse<String> submitted = send("POST", report + "/submit", approver, null);
        if (submitted.statusCode() == 409) {
            JsonNode problem = JSON.readTree(submitted.body());
            assertEquals("urn:jixiao:problem:score-pending", problem.get("type").asText(), submitted.body());
            assertTrue(submitted.headers().firstValue("Retry-After").isPresent());
        } else {
            assertEquals(200, submitted.statusCode(), submitted.body());
            assertRestsOnOneSetOfVersions(report, JSON.readTree(submitted.body()).get("latestVersion").asInt());
            send("POST", report + "/return", finance, "{\"comment\":\"再次报送\"}");
        }

        // once the scores of the corrected budget are here, it is submitted, resting on them
        await().atMost(Duration.ofSeconds(90)).until(() -> send("POST", report + "/submit", approver, null)
                .statusCode() == 200);
        JsonNode status = JSON.readTree(send("GET", report + "/status", finance, null).body());
        JsonNode version = assertRestsOnOneSetOfVersions(report, status.get("latestVersion").asInt());
        assertTrue(version.at("/basis/statement").asText().contains("预算收支及执行第" + correctedVersion + "版"),
                version.at("/basis/statement").asText());
    }

    private static JsonNode assertRestsOnOneSetOfVersions(String report, int number) throws Exception {
        JsonNode version = JSON.readTree(send("GET", report + "/versions/" + number + "?format=json", finance, null)
                .body());
        assertEquals(0, version.at("/basis/pending").size(), version.at("/basis").toString());
        JsonNode budget = null;
        for (JsonNode source : version.get("sources")) {
            if (source.get("kind").asText().equals("budget")) {
                budget = source;
            }
        }
        assertTrue(budget != null && version.at("/basis/statement").asText()
                .contains("依据：预算收支及执行第" + budget.get("version").asLong() + "版"), version.toString());
        return version;
    }

    private static long pending(String report) throws Exception {
        HttpResponse<String> status = send("GET", report + "/status", finance, null);
        return status.statusCode() != 200 ? -1 : JSON.readTree(status.body()).get("scorePending").size();
    }

    private static String budgetPath() {
        return "/api/budget/units/" + UNIT + "/years/" + YEAR + "/budget";
    }

    /** Pushes as the unit's system, waiting while the unit is still on its way to the service (409 with Retry-After). */
    private static void awaitPushed(String path, String body) {
        await().atMost(Duration.ofSeconds(60)).until(() -> send("PUT", path, system, body).statusCode() == 200);
    }

    /** Every call holds to the platform's API document. */
    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpResponse<String> response = Http.send(method, gateway + path, token, "application/json", body);
        Contract.require(Contract.Scope.EXCHANGE, method, gateway + path, "application/json", token,
                body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), response);
        return response;
    }
}
