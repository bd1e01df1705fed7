package io.jixiao.acceptance;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Tokens;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Units from published reports (issue 13), each pushed through the gateway by its own department system as
 * {@code deploy/fixtures/<unit>/manifest.json} lists it, and held to what was derived from its text by hand before
 * the platform ran ({@code expected-findings.json}, with the arithmetic): every figure the text states is in the
 * report as it prints it ({@code report-figures.txt}), exactly the expected contradictions and no others, and the
 * checks its figures do not allow listed as not checked.
 */
class RealUnitsIT {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TestFactory
    Stream<DynamicTest> eachPublishedUnitIsReproducedWithExactlyItsHandDerivedFindings() throws IOException {
        List<Path> units;
        try (Stream<Path> folders = Files.list(WorkDirs.root().resolve("deploy/fixtures"))) {
            units = folders.filter(f -> Files.exists(f.resolve("expected-findings.json"))).sorted().toList();
        }
        assertTrue(!units.isEmpty(), "fixtures from published reports");
        String gateway = RunningPlatform.get().gatewayUrl();
        Tokens tokens = RunningPlatform.tokens();
        String finance = tokens.user("finance");
        // every unit pushed first, so that their events travel together; then each is held to its findings
        Fixtures.loadAll(units, gateway, tokens, line -> { }, Contract::require);
        return units.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            JsonNode expected = JSON.readTree(folder.resolve("expected-findings.json").toFile());
            String unit = expected.get("unitCode").asText();
            int year = expected.get("fiscalYear").asInt();
            String report = gateway + "/api/reports/units/" + unit + "/years/" + year;

            // the report carries every figure the text states, printed as the text prints it
            List<String> figures = Fixtures.expectedFigures(folder);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String html = get(report + "?format=html", finance).replaceAll("\\s+", "");
                List<String> missing = new ArrayList<>();
                for (String figure : figures) {
                    if (!html.contains(figure.replaceAll("\\s+", ""))) {
                        missing.add(figure);
                    }
                }
                assertEquals(List.of(), missing, unit + ": figures missing from the report");
            });

            // exactly the contradictions derived by hand, and the list of what could not be checked, per document
            if (expected.has("budget")) {
                assertFindings(unit, expected.get("budget"), JSON.readTree(get(gateway + "/api/budget/units/" + unit
                        + "/years/" + year + "/findings", finance)));
            }
            if (expected.has("staff")) {
                assertFindings(unit, expected.get("staff"), JSON.readTree(get(gateway + "/api/personnel/units/" + unit
                        + "/years/" + year + "/findings", finance)).get("findings"));
            }

            // scored only as far as the evidence goes: the coverage derived by hand, and a grade only when complete
            List<String> kinds = pushed(folder);
            JsonNode score = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> JSON.readTree(
                    get(gateway + "/api/assessment/units/" + unit + "/years/" + year + "/score", finance)).get("score"),
                    s -> kinds.stream().allMatch(kind -> s.at("/basis/" + kind).asLong() > 0));
            JsonNode expectedScore = expected.get("score");
            assertEquals(expectedScore.get("status").asText(), score.get("status").asText(), unit + ": " + score);
            assertEquals(0, expectedScore.get("coveragePercent").decimalValue()
                    .compareTo(score.at("/coverage/percent").decimalValue()), unit + ": " + score.get("coverage"));
            assertEquals(expectedScore.get("grade"), score.get("grade"), unit + ": grade");
            Set<String> assessed = new TreeSet<>();
            for (JsonNode i : score.get("indicators")) {
                if (i.get("assessable").asBoolean() && isFrameworkLeaf(score, i)) {
                    assessed.add(i.get("code").asText());
                }
            }
            Set<String> expectedAssessed = new TreeSet<>();
            expectedScore.get("assessed").forEach(c -> expectedAssessed.add(c.asText()));
            assertEquals(expectedAssessed, assessed, unit + ": the indicators its evidence supports");
            if (expectedScore.has("framework")) {
                assertEquals(expectedScore.get("framework").asText(), score.at("/framework/id").asText());
            }
            if (expectedScore.has("findings")) {
                Set<String> rules = new TreeSet<>();
                Set<String> above = new TreeSet<>();
                for (JsonNode f : score.get("findings")) {
                    rules.add(f.get("ruleId").asText());
                    if (f.get("ruleId").asText().equals("ASSESS-DECLARED-INDICATOR")) {
                        above.add(f.get("subject").asText());
                    }
                }
                Set<String> expectedRules = new TreeSet<>();
                expectedScore.get("findings").forEach(r -> expectedRules.add(r.asText()));
                assertEquals(expectedRules, rules, unit + ": " + score.get("findings"));
                Set<String> expectedAbove = new TreeSet<>();
                expectedScore.path("declaredAbove").forEach(c -> expectedAbove.add(c.asText()));
                assertEquals(expectedAbove, above, unit + ": declared scores above what the evidence gives");
            }
        }));
    }

    private static void assertFindings(String unit, JsonNode expected, JsonNode findings) {
        Set<String> contradictions = new TreeSet<>();
        Set<String> notChecked = new TreeSet<>();
        for (JsonNode f : findings) {
            (f.get("severity").asText().equals("INFO") ? notChecked : contradictions).add(f.get("ruleId").asText());
        }
        Set<String> expectedContradictions = new TreeSet<>();
        expected.get("contradictions").forEach(r -> expectedContradictions.add(r.asText()));
        assertEquals(expectedContradictions, contradictions, unit + ": " + findings);
        JsonNode unchecked = expected.get("notChecked");
        assertEquals(unchecked == null || unchecked.isNull() ? Set.of() : Set.of(unchecked.asText()), notChecked,
                unit + ": " + findings);
    }

    /** The kinds of unit-year document the fixture's manifest pushes: budget, staff, assets, evaluation. */
    private static List<String> pushed(Path folder) throws IOException {
        List<String> kinds = new ArrayList<>();
        for (JsonNode request : JSON.readTree(folder.resolve("manifest.json").toFile()).get("requests")) {
            String path = request.get("path").asText();
            String kind = path.substring(path.lastIndexOf('/') + 1);
            if (path.contains("/years/") && List.of("budget", "staff", "assets", "evaluation").contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /**
     * A leaf of the framework: a node without children of the framework's own, so a heading under which the unit set
     * its own indicators (个性指标) counts as one, and those indicators do not.
     */
    private static boolean isFrameworkLeaf(JsonNode score, JsonNode indicator) {
        if (indicator.path("own").asBoolean(false)) {
            return false;
        }
        for (JsonNode i : score.get("indicators")) {
            if (!i.path("own").asBoolean(false) && indicator.get("code").asText().equals(i.path("parentCode").asText())) {
                return false;
            }
        }
        return true;
    }

    private static String get(String url, String token) throws Exception {
        HttpResponse<byte[]> response = Http.sendForBytes("GET", url, token, "application/json", null);
        assertEquals(200, response.statusCode(), url);
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
