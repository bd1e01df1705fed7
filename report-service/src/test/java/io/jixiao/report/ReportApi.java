package io.jixiao.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jixiao.events.EventEnvelope;
import io.jixiao.events.Topics;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.events.assessment.ScoreSnapshot;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.events.personnel.StaffSnapshot;
import io.jixiao.testing.TestEvents;
import io.jixiao.testing.TestInfrastructure;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What report-service's API tests share: tokens, the seed published as the owning services would, waiting for it. */
public final class ReportApi {

    public static final String BASE = "/api/reports/units/";

    private ReportApi() {
    }

    public static String user(String name) {
        return TestInfrastructure.tokens().user(name);
    }

    public static String path(String unitCode, int year) {
        return BASE + unitCode + "/years/" + year;
    }

    /** Publishes the seed unit's profile as personnel-service does. */
    public static void publishUnit(UnitSnapshot unit, long version) {
        TestEvents.publish(Topics.UNITS, new EventEnvelope<>(UUID.randomUUID(), UnitSnapshot.TYPE, unit.unitCode(),
                version, Instant.now(), "personnel-service", "admin", unit));
    }

    public static void publishBudget(BudgetSnapshot budget, long version) {
        TestEvents.publish(Topics.BUDGET, envelope(BudgetSnapshot.TYPE, budget.unitCode(), budget.fiscalYear(),
                version, "xz-wxb-finance-system", budget));
    }

    public static void publishStaff(StaffSnapshot staff, long version) {
        TestEvents.publish(Topics.PERSONNEL, envelope(StaffSnapshot.TYPE, staff.unitCode(), staff.fiscalYear(),
                version, "xz-wxb-finance-system", staff));
    }

    public static void publishAssets(AssetSnapshot assets, long version) {
        TestEvents.publish(Topics.ASSETS, envelope(AssetSnapshot.TYPE, assets.unitCode(), assets.fiscalYear(),
                version, "xz-wxb-finance-system", assets));
    }

    public static void publishScores(ScoreSnapshot scores, long version) {
        TestEvents.publish(Topics.SCORES, envelope(ScoreSnapshot.TYPE, scores.unitCode(), scores.fiscalYear(),
                version, "assessment-service", scores));
    }

    /** The seed's scores for a unit-year, resting on the given versions of its figures. */
    public static void publishScores(String unit, int year, ScoreSnapshot.Basis basis, long version) {
        var scores = SeedFixture.scores();
        publishScores(new ScoreSnapshot(unit, year, ScoreSnapshot.Status.SCORED, null, basis, scores.framework(),
                scores.total(), scores.grade(), scores.declaredTotal(), scores.indicators(), scores.findings(),
                scores.warnings(), scores.coverage()), version);
    }

    private static <T> EventEnvelope<T> envelope(String type, String unit, int year, long version, String source,
            T payload) {
        return new EventEnvelope<>(UUID.randomUUID(), type, EventEnvelope.unitYearKey(unit, year), version,
                Instant.now(), source, "service-account-" + source, payload);
    }

    /**
     * The seed department's figures for a fiscal year, published as events the way their owners publish them, and
     * its narratives pushed through REST; returns once the report carries all of it.
     */
    public static void seed(int year) {
        publishUnit(SeedFixture.unit(), 1);
        var budget = SeedFixture.budget();
        publishBudget(new BudgetSnapshot(SeedFixture.UNIT, year, budget.budget(), null, budget.findings()), 1);
        var staff = SeedFixture.staff();
        publishStaff(new StaffSnapshot(SeedFixture.UNIT, year, staff.staff(), staff.findings()), 1);
        var assets = SeedFixture.assets();
        publishAssets(new AssetSnapshot(SeedFixture.UNIT, year, assets.assets(), assets.findings()), 1);
        var scores = SeedFixture.scores();
        publishScores(SeedFixture.UNIT, year, SeedFixture.basis(1, 1, 1), 1);
        String finance = user("finance");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(finance)
                .get("/api/reports/known-units/" + SeedFixture.UNIT).statusCode() == 200);
        given().auth().oauth2(user("reporter")).contentType(ContentType.JSON).body(SeedFixture.text("narratives.json"))
                .put(path(SeedFixture.UNIT, year) + "/narratives").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode sources = tree(given().auth().oauth2(finance).queryParam("format", "json")
                    .get(path(SeedFixture.UNIT, year)).then().statusCode(200).extract().asString()).get("sources");
            return sources.size() == 5;
        });
    }

    public static JsonNode tree(String json) {
        try {
            return SeedFixture.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
