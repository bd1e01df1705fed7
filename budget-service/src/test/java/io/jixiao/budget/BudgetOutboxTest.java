package io.jixiao.budget;

import static io.jixiao.budget.BudgetApi.seedBudget;
import static io.jixiao.budget.BudgetApi.system;
import static io.jixiao.budget.BudgetApi.tree;
import static io.jixiao.budget.BudgetApi.user;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.commons.outbox.OutboxEvent;
import io.jixiao.events.Topics;
import io.jixiao.testing.KafkaTopics;
import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox against a real broker that goes away: pushes are still accepted, their events wait in
 * the outbox, and every one of them is published once the broker is back — one event per accepted change. The broker
 * stopped is this test's own: the one the module's other tests share stays up.
 */
@QuarkusTest
@TestProfile(BudgetOutboxTest.OwnBroker.class)
class BudgetOutboxTest {

    /** budget-service on a broker of its own (and the shared database and Keycloak). */
    public static class OwnBroker implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RealInfrastructure.class, Map.of("database", "budget", "kafka",
                    "own")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void pushesAreAcceptedWhileTheBrokerIsDownAndTheirEventsArriveWhenItReturns() {
        var kafka = TestInfrastructure.ownKafka();
        TestEvents.publishUnit(kafka, "XZ-WXB", "单位 XZ-WXB", 1);
        String finance = user("finance");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(finance)
                .get("/api/budget/known-units/XZ-WXB").statusCode() == 200);
        String token = system("xz-wxb-finance-system");
        List<Integer> years = List.of(2010, 2011, 2012);
        Map<Integer, Integer> versions = new HashMap<>();
        kafka.stop();
        try {
            for (int year : years) {
                int version = given().auth().oauth2(token).contentType(ContentType.JSON).body(seedBudget())
                        .put("/api/budget/units/XZ-WXB/years/" + year + "/budget")
                        .then().statusCode(200).extract().path("version");
                versions.put(year, version);
            }
            long pending = QuarkusTransaction.requiringNew().call(OutboxEvent::pendingCount);
            assertTrue(pending >= years.size(), "the events wait in the outbox: " + pending);
        } finally {
            kafka.startProcess();
        }

        for (int year : years) {
            var record = KafkaTopics.awaitRecord(kafka, Topics.BUDGET, r -> ("XZ-WXB:" + year).equals(r.key()),
                    Duration.ofSeconds(90));
            JsonNode event = tree(record.value());
            assertEquals("budget.snapshot", event.get("type").asText());
            assertEquals(versions.get(year).intValue(), event.get("version").asInt());
            assertEquals("xz-wxb-finance-system", event.get("source").asText());
            assertTrue(event.at("/payload/findings").size() > 0, "the findings travel with the budget");
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                QuarkusTransaction.requiringNew().call(OutboxEvent::pendingCount) == 0);
        for (int year : years) {
            long published = KafkaTopics.readAll(kafka, Topics.BUDGET, Duration.ofSeconds(2)).stream()
                    .filter(r -> ("XZ-WXB:" + year).equals(r.key()))
                    .map(r -> tree(r.value()).get("eventId").asText()).distinct().count();
            assertEquals(1, published, "one accepted change, one event, for " + year);
        }
    }
}
