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
import java.io.IOException;
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

    @Inject
    EntityManager em;

    @Test
    void rankingOver50000UnitYears() throws IOException {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from indicator_score").executeUpdate();
            em.createNativeQuery("delete from unit_score").executeUpdate();
            em.createNativeQuery("""
                    insert into unit_score (unit_code, fiscal_year, framework_id, framework_version, total, grade,
                        declared_total, region, level, error_findings, result, version, computed_at)
                    select 'B-' || g, 2024, 'mof-2013-common', 1, t, case when t >= 90 then '优' when t >= 80 then '良'
                        when t >= 60 then '中' else '差' end, least(100, t + 5),
                        (array['西藏自治区','四川省','云南省','青海省','甘肃省'])[1 + g % 5],
                        (array['省级','市级','县级'])[1 + g % 3], g % 3, '{}', 1, now()
                    from (select g, round((40 + random() * 60)::numeric, 2) as t
                          from generate_series(1, :n) g) x""").setParameter("n", UNIT_YEARS).executeUpdate();
            em.createNativeQuery("""
                    insert into indicator_score (unit_code, fiscal_year, code, score, actual_value, assessable)
                    select 'B-' || g, 2024, '2.1.1', round((random() * 3)::numeric, 2), round((random() * 100)::numeric, 2), true
                    from generate_series(1, :n) g""").setParameter("n", UNIT_YEARS).executeUpdate();
            em.createNativeQuery("analyze unit_score").executeUpdate();
            em.createNativeQuery("analyze indicator_score").executeUpdate();
        });
        String token = TestInfrastructure.tokens().user("finance");
        given().auth().oauth2(token).queryParam("fiscalYear", 2024).get("/api/assessment/rankings")
                .then().statusCode(200);
        Random random = new Random(42);
        String[] regions = {null, "西藏自治区", "四川省"};
        String[] grades = {null, "优", "中"};
        for (int warm = 0; warm < 200; warm++) {
            given().auth().oauth2(token).queryParam("fiscalYear", 2024).get("/api/assessment/rankings");
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            var request = given().auth().oauth2(token).queryParam("fiscalYear", 2024)
                    .queryParam("page", random.nextInt(20)).queryParam("size", 50);
            String region = regions[random.nextInt(regions.length)];
            String grade = grades[random.nextInt(grades.length)];
            if (region != null) {
                request.queryParam("region", region);
            }
            if (grade != null) {
                request.queryParam("grade", grade);
            }
            if (random.nextInt(4) == 0) {
                request.queryParam("indicator", "2.1.1");
            }
            long start = System.nanoTime();
            int status = request.get("/api/assessment/rankings").statusCode();
            micros.add((System.nanoTime() - start) / 1_000);
            assertEquals(200, status);
        }
        Collections.sort(micros);
        String report = "ranking over %d unit-years, %d requests (client-measured, HTTP + token check + query):%n"
                .formatted(UNIT_YEARS, REQUESTS)
                + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n".formatted(pct(micros, 50), pct(micros, 95),
                        pct(micros, 99), micros.get(micros.size() - 1) / 1000.0);
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
