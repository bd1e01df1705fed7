package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.jixiao.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without the CJK font, a PDF is refused with a clear 503 problem, never produced broken; other formats still work. */
@QuarkusTest
@TestProfile(PdfFontMissingTest.NoFont.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class PdfFontMissingTest {

    /** The font path points nowhere. */
    public static class NoFont implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jixiao.report.pdf-font", "/nonexistent/fonts/wqy-zenhei.ttc");
        }
    }

    @Test
    void aPdfWithoutItsFontIsA503ProblemAndHtmlStillRenders() {
        ReportApi.publishUnit(SeedFixture.unit(), 1);
        String reporter = user("reporter");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(reporter)
                .get("/api/reports/known-units/" + SeedFixture.UNIT).statusCode() == 200);
        String report = path(SeedFixture.UNIT, 2020);
        given().auth().oauth2(reporter).queryParam("format", "pdf").get(report).then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:jixiao:problem:pdf-font-missing"))
                .body("detail", containsString("/nonexistent/fonts/wqy-zenhei.ttc"))
                .body("detail", containsString("fonts-wqy-zenhei"));
        given().auth().oauth2(reporter).queryParam("format", "html").get(report).then().statusCode(200)
                .contentType("text/html");
    }
}
