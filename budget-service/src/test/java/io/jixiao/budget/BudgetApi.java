package io.jixiao.budget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.local.infra.WorkDirs;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What budget-service's API tests share: tokens, the seed fixture, units made known through real events. */
final class BudgetApi {

    private static final Set<String> ANNOUNCED = new HashSet<>();
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private BudgetApi() {
    }

    static String user(String name) {
        return TestInfrastructure.tokens().user(name);
    }

    static String system(String client) {
        return TestInfrastructure.tokens().client(client);
    }

    /** The seed department's 2024 budget, as kept in deploy/fixtures. */
    static String seedBudget() {
        try {
            return Files.readString(WorkDirs.root().resolve("deploy/fixtures/xz-wxb-2024/budget.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The subject ({@code sub}) of an access token, as the services read it. */
    static String subject(String token) {
        String payload = token.split("\\.")[1];
        return tree(new String(java.util.Base64.getUrlDecoder().decode(payload),
                java.nio.charset.StandardCharsets.UTF_8)).get("sub").asText();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers units the way personnel-service does, and waits until budget-service knows them. */
    /**
     * Makes the units known to budget-service, once per test JVM (its read model lives in the JVM's one database):
     * test classes call it before each test, as the HTTP port is known only then.
     */
    static synchronized void knownUnits(String... codes) {
        List<String> news = Arrays.stream(codes).filter(ANNOUNCED::add).toList();
        if (news.isEmpty()) {
            return;
        }
        String finance = user("finance");
        for (String code : news) {
            TestEvents.publishUnit(code, "单位 " + code, 1);
        }
        for (String code : news) {
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(finance)
                    .get("/api/budget/known-units/" + code).statusCode() == 200);
        }
    }
}
