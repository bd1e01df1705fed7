package io.jixiao.assessment.benchmark;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The finance ranking over 50,000 unit-years, through HTTP, on real PostgreSQL: latency percentiles of 2,000
 * requests with varied filters, sorts and pages. Not part of the default test run (it is a measurement, not a
 * test); run it with {@code ./mvnw -f assessment-service/pom.xml verify -Dgroups=benchmark -DexcludedGroups=none};
 * it writes its figures to {@code target/benchmark-ranking.txt}; recorded results are in {@code docs/benchmarks.md}.
 */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "assessment"))
class RankingBenchmark {

    private static final int UNIT_YEARS = 50_000;
    private static final int REQUESTS = 2_000;
    private static final int WARM_UP = 300;

    @TestHTTPResource("/api/assessment/rankings")
    URI url;

    @Inject
    EntityManager em;

    @Test
    void rankingOver50000UnitYears() throws IOException, InterruptedException {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from indicator_score").executeUpdate();
            em.createNativeQuery("delete from unit_score").executeUpdate();
            em.createNativeQuery("""
                    insert into unit_score (unit_code, fiscal_year, status, coverage_percent, framework_id,
                        framework_version, total, grade, declared_total, region, level, error_findings, result,
                        version, computed_at)
                    select 'B-' || g, 2024, case when g % 5 = 0 then 'INCOMPLETE' else 'SCORED' end,
                        case when g % 5 = 0 then 60 else 100 end, 'mof-2013-common', 1, t,
                        case when g % 5 = 0 then null when t >= 90 then '优' when t >= 80 then '良'
                        when t >= 60 then '中' else '差' end, least(100, t + 5),
                        (array['西藏自治区','四川省','云南省','青海省','甘肃省'])[1 + g % 5],
                        (array['省级','市级','县级'])[1 + g % 3], g % 3, '{}', 1, now()
                    from (select g, round((40 + random() * 60)::numeric, 2) as t
                          from generate_series(1, :n) g) x""").setParameter("n", UNIT_YEARS).executeUpdate();
            em.createNativeQuery("""
                    insert into indicator_score (unit_code, fiscal_year, code, score, actual_value, assessable,
                        region, level, grade)
                    select s.unit_code, 2024, '2.1.1', round((random() * 3)::numeric, 2),
                        round((random() * 100)::numeric, 2), true, s.region, s.level, s.grade
                    from unit_score s where s.fiscal_year = 2024""").executeUpdate();
            em.createNativeQuery("analyze unit_score").executeUpdate();
            em.createNativeQuery("analyze indicator_score").executeUpdate();
        });
        String token = TestInfrastructure.tokens().user("finance");
        given().auth().oauth2(token).queryParam("fiscalYear", 2024).get("/api/assessment/rankings")
                .then().statusCode(200);
        Random random = new Random(42);
        List<Long> micros = new ArrayList<>();
        String[] regions = {null, "西藏自治区", "四川省"};
        String[] grades = {null, "优", "中"};
        // a plain JDK client, so that the figures are the server's and the network's, not a test DSL's
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < REQUESTS + WARM_UP; i++) {
            StringBuilder query = new StringBuilder("fiscalYear=2024&size=50&page=").append(random.nextInt(20));
            String region = regions[random.nextInt(regions.length)];
            String grade = grades[random.nextInt(grades.length)];
            if (region != null) {
                query.append("&region=").append(URLEncoder.encode(region, StandardCharsets.UTF_8));
            }
            if (grade != null) {
                query.append("&grade=").append(URLEncoder.encode(grade, StandardCharsets.UTF_8));
            }
            if (random.nextInt(4) == 0) {
                query.append("&indicator=2.1.1");
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "?" + query))
                    .header("Authorization", "Bearer " + token).GET().build();
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = (System.nanoTime() - start) / 1_000;
            assertEquals(200, response.statusCode(), response.body());
            if (i >= WARM_UP) {
                micros.add(elapsed);
            }
        }
        Collections.sort(micros);
        String report = ("ranking over %d unit-years, %d requests after %d warm-up (client-measured: HTTP, token check,"
                + " count and page query):%n").formatted(UNIT_YEARS, REQUESTS, WARM_UP)
                + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n".formatted(pct(micros, 50), pct(micros, 95),
                        pct(micros, 99), micros.get(micros.size() - 1) / 1000.0);
        // the indicator matrix of all 50,000, streamed
        long exportStart = System.nanoTime();
        HttpResponse<byte[]> matrix = client.send(HttpRequest.newBuilder(URI.create(
                url.toString().replace("/rankings", "/exports/indicators") + "?fiscalYear=2024"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        long exportMillis = (System.nanoTime() - exportStart) / 1_000_000;
        assertEquals(200, matrix.statusCode());
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(matrix.body()))) {
            assertEquals(UNIT_YEARS, book.getSheetAt(0).getLastRowNum(), "one row per unit-year");
        }
        report += "indicator matrix of %d unit-years × 27 indicators (XLSX, streamed): %d ms, %.1f MB%n".formatted(
                UNIT_YEARS, exportMillis, matrix.body().length / 1e6);
        System.out.println(report);
        Files.writeString(Path.of("target/benchmark-ranking.txt"), report);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from indicator_score where unit_code like 'B-%'").executeUpdate();
            em.createNativeQuery("delete from unit_score where unit_code like 'B-%'").executeUpdate();
        });
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
