package io.jixiao.report;

import static io.jixiao.report.ReportApi.path;
import static io.jixiao.report.ReportApi.user;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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

/**
 * A PDF font override ({@code jixiao.report.pdf-font}) that cannot be read makes PDFs a clear 503 problem, never a PDF
 * set in some other font than the one asked for; other formats still work. (Without an override PDFs always work:
 * the service ships its fonts.)
 */
@QuarkusTest
@TestProfile(PdfFontMissingTest.NoFont.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class PdfFontMissingTest {

    /** The override points nowhere. */
    public static class NoFont implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jixiao.report.pdf-font", "/nonexistent/fonts/full-cjk.ttf");
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
                .body("detail", containsString("/nonexistent/fonts/full-cjk.ttf"))
                .body("detail", containsString("JIXIAO_REPORT_PDF_FONT"))
                .body("detail", containsString("bundled"))
                .body("detail", not(containsString("install")));
        given().auth().oauth2(reporter).queryParam("format", "html").get(report).then().statusCode(200)
                .contentType("text/html");
    }
}
