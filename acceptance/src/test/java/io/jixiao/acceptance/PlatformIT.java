package io.jixiao.acceptance;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform as one system: five processes from their packaged jars on real PostgreSQL, Kafka and Keycloak,
 * reached only through the gateway with tokens from Keycloak; every authorized call and its answer as the platform's
 * OpenAPI document says.
 */
class PlatformIT {

    private static Platform platform;
    private static Tokens tokens;
    private static String gateway;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        tokens = RunningPlatform.tokens();
        gateway = platform.gatewayUrl();
    }

    /** A call held to the platform's API document, request and answer. */
    private static RequestSpecification api() {
        return given().filter(Contract.restAssured());
    }

    @Test
    void aFinanceTokenFromKeycloakReachesEveryServiceThroughTheGateway() {
        String finance = tokens.user("finance");
        api().auth().oauth2(finance).get(gateway + "/api/personnel/units").then().statusCode(200);
        for (String prefix : List.of("/api/budget", "/api/assessment", "/api/reports")) {
            // the unit is unknown there, and the service itself says so: the request got through
            api().auth().oauth2(finance).get(gateway + prefix + "/known-units/XZ-NONE").then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo("urn:jixiao:problem:unknown-unit"))
                    .header("X-Request-Id", notNullValue());
        }
        given().get(gateway + "/q/health/ready").then().statusCode(200);
    }

    @Test
    void aUnitRegisteredInPersonnelReachesEveryOtherServiceThroughKafka() {
        String admin = tokens.user("admin");
        api().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"验收测试单位\",\"region\":\"西藏自治区\",\"level\":\"自治区本级\"}")
                .put(gateway + "/api/personnel/units/XZ-ACC").then().statusCode(200).body("version", equalTo(1));
        api().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"验收测试单位（更名）\",\"region\":\"西藏自治区\",\"level\":\"自治区本级\"}")
                .put(gateway + "/api/personnel/units/XZ-ACC").then().statusCode(200).body("version", equalTo(2));

        String finance = tokens.user("finance");
        for (String prefix : List.of("/api/budget", "/api/assessment", "/api/reports")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    api().auth().oauth2(finance).get(gateway + prefix + "/known-units/XZ-ACC")
                            .then().statusCode(200).body("version", equalTo(2))
                            .body("name", equalTo("验收测试单位（更名）")));
        }
    }

    @Test
    void theSeedFixtureFlowsThroughReconciliationAndScoring() {
        Fixtures.load(Fixtures.folder("xz-wxb-2024"), gateway, tokens, line -> { });
        String finance = tokens.user("finance");
        api().auth().oauth2(finance).get(gateway + "/api/budget/units/XZ-WXB/years/2024/findings").then()
                .statusCode(200).body("ruleId", hasItem("BUD-REVENUE-IDENTITY"));
        api().auth().oauth2(finance).get(gateway + "/api/personnel/units/XZ-WXB/years/2024/staff").then()
                .statusCode(200).body("document.totalInService", equalTo(381));
        // budget, staff and assets reached assessment-service as events and were scored
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                api().auth().oauth2(finance).get(gateway + "/api/assessment/units/XZ-WXB/years/2024/score").then()
                        .statusCode(200).body("score.framework.id", equalTo("mof-2013-common"))
                        .body("score.indicators.find { it.code == '2.3.3' }.actual", equalTo("100%"))
                        .body("score.indicators.find { it.code == '2.1.1' }.actual", equalTo("96.04%")));
        // … and reached report-service, which assembles the report from them and the unit's narratives
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String html = api().auth().oauth2(finance).queryParam("format", "html")
                    .get(gateway + "/api/reports/units/XZ-WXB/years/2024").then().statusCode(200).extract().asString();
            for (String figure : List.of("在职干部职工共381人", "19393.072万元", "2490.6万元", "18758.6万元", "96.04%",
                    "25387.6万元", "95分")) {
                org.junit.jupiter.api.Assertions.assertTrue(html.contains(figure), "the report carries " + figure);
            }
        });
        String reporter = tokens.user("reporter");
        api().auth().oauth2(reporter).get(gateway + "/api/personnel/units/XZ-WXB").then().statusCode(200)
                .body("aliases", hasItem("自治区党委网信办"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                api().auth().oauth2(reporter).get(gateway + "/api/budget/known-units/XZ-WXB").then().statusCode(200));

        String otherUnit = tokens.user("reporter-tjj");
        api().auth().oauth2(otherUnit).get(gateway + "/api/personnel/units/XZ-WXB").then().statusCode(403);
        api().auth().oauth2(otherUnit).get(gateway + "/api/budget/known-units/XZ-WXB").then().statusCode(403);
        given().get(gateway + "/api/personnel/units/XZ-WXB").then().statusCode(401);
    }
}
