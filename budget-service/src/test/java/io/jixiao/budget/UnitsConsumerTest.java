package io.jixiao.budget;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.events.Topics;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * budget-service keeps its read model of the units register from real Kafka events: idempotently by version,
 * with poison records moved to the dead-letter topic, and scoped to the caller's unit on the way out.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "budget"))
class UnitsConsumerTest {

    private static final String DLQ = "units.snapshots.dlq.budget-service";

    private RecordMetadata publish(String code, String name, long version) {
        return TestEvents.publishUnit(code, name, version);
    }

    private static String finance() {
        return TestInfrastructure.tokens().user("finance");
    }

    @Test
    void appliesTheNewestVersionOnlyWhateverTheOrderAndRepeats() throws Exception {
        publish("XZ-ORD", "second name", 2);
        publish("XZ-ORD", "first name", 1);
        RecordMetadata last = publish("XZ-ORD", "second name, repeated", 2);
        // all three handled (same key, same partition): the group has committed past the last one
        KafkaTopics.awaitConsumed("budget-service", last, Duration.ofSeconds(30));
        given().auth().oauth2(finance()).get("/api/budget/known-units/XZ-ORD")
                .then().statusCode(200).body("version", equalTo(2)).body("name", equalTo("second name"));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndConsumptionGoesOn() throws Exception {
        KafkaTopics.send(Topics.UNITS, "XZ-POISON", "this is not JSON");
        KafkaTopics.send(Topics.UNITS, "XZ-POISON", "{\"eventId\":\"" + UUID.randomUUID()
                + "\",\"type\":\"budget.snapshot\",\"key\":\"XZ-POISON\",\"version\":1,"
                + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"payload\":{}}");
        publish("XZ-AFTER", "after the poison", 1);

        String token = finance();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/budget/known-units/XZ-AFTER")
                        .then().statusCode(200).body("name", equalTo("after the poison")));
        var dead = KafkaTopics.readAll(DLQ, Duration.ofSeconds(2)).stream()
                .filter(r -> "XZ-POISON".equals(r.key())).toList();
        assertEquals(2, dead.size(), "both poison records are dead-lettered");
        assertTrue(KafkaTopics.header(dead.get(0), "dead-letter-reason").contains("not a unit.snapshot event"));
        assertTrue(KafkaTopics.header(dead.get(1), "dead-letter-reason").contains("expected event type unit.snapshot"));
        given().auth().oauth2(token).get("/api/budget/known-units/XZ-POISON").then().statusCode(404);
    }

    @Test
    void tokensFromTheRealKeycloakAreScopedToTheirUnit() throws Exception {
        publish("XZ-WXB", "自治区党委网信办", 1);
        publish("XZ-TJJ", "自治区统计局", 1);
        var tokens = TestInfrastructure.tokens();
        String reporter = tokens.user("reporter");
        String system = tokens.client("xz-wxb-finance-system");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(reporter).get("/api/budget/known-units/XZ-WXB").then().statusCode(200));
        given().auth().oauth2(system).get("/api/budget/known-units/XZ-WXB").then().statusCode(200)
                .body("unitCode", equalTo("XZ-WXB"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(finance()).get("/api/budget/known-units/XZ-TJJ").then().statusCode(200));
        given().auth().oauth2(reporter).get("/api/budget/known-units/XZ-TJJ").then().statusCode(403);
        given().auth().oauth2(system).get("/api/budget/known-units/XZ-TJJ").then().statusCode(403);
        given().auth().oauth2(tokens.client("nounit-system")).get("/api/budget/known-units/XZ-WXB")
                .then().statusCode(403);
        given().get("/api/budget/known-units/XZ-WXB").then().statusCode(401);
    }
}
