package io.jixiao.report.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jixiao.testing.RealInfrastructure;
import io.jixiao.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Finance's two exports over 50,000 units (issue 14), through HTTP, on real PostgreSQL: 150,000 findings (three per
 * unit-year, one in three explained) and 55,000 publications due, each a workbook of one row per finding or
 * publication. Measures the time and the heap; memory is bounded when the 50,000 units pass in a heap that holds little
 * more than the service itself. Not part of the default test run; run it with
 * {@code JAVA_TOOL_OPTIONS=-Xmx200m ./mvnw -pl report-service verify -Dgroups=benchmark -DexcludedGroups=none
 * -Dtest=FinanceExportsBenchmark} (the option holds the test JVM, which runs the service, and Maven to 200 MB); it
 * writes its figures to {@code target/benchmark-exports.txt}.
 */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "report"))
class FinanceExportsBenchmark {

    private static final int SMALL_YEAR = 2011;
    private static final int LARGE_YEAR = 2012;

    @TestHTTPResource("/api/reports/exports/findings")
    URI findings;

    @TestHTTPResource("/api/reports/exports/due")
    URI due;

    @Inject
    EntityManager em;

    @Test
    void exportsOver50000Units() throws Exception {
        insert(SMALL_YEAR, 5_000, 0);
        insert(LARGE_YEAR, 50_000, 100_000);
        String token = TestInfrastructure.tokens().user("finance");
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder report = new StringBuilder("finance exports (XLSX, SXSSF, streamed), max heap %d MB%n"
                .formatted(Runtime.getRuntime().maxMemory() >> 20));
        measure(client, token, URI.create(findings + "?fiscalYear=" + SMALL_YEAR), 15_000, "findings, 5,000 units",
                report); // also the warm-up
        measure(client, token, URI.create(findings + "?fiscalYear=" + SMALL_YEAR), 15_000, "findings, 5,000 units",
                report);
        measure(client, token, URI.create(findings + "?fiscalYear=" + LARGE_YEAR), 150_000, "findings, 50,000 units",
                report);
        String sichuan = URLEncoder.encode("四川省", StandardCharsets.UTF_8);
        measure(client, token, URI.create(findings + "?fiscalYear=" + LARGE_YEAR + "&region=" + sichuan), 30_000,
                "findings, 50,000 units, one region (10,000)", report);
        measure(client, token, URI.create(due + "?withinDays=366"), 55_000, "publications due, 55,000 unit-years",
                report);
        System.out.println(report);
        Files.writeString(Path.of("target/benchmark-exports.txt"), report);
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"upstream_snapshot", "finding_explanation", "report_workflow"}) {
                em.createNativeQuery("delete from " + table + " where unit_code like 'EXP-%'").executeUpdate();
            }
            em.createNativeQuery("delete from known_unit where unit_code like 'EXP-%'").executeUpdate();
        });
    }

    /** {@code units} unit-years of {@code year}, codes from {@code offset}: a budget with three findings each. */
    private void insert(int year, int units, int offset) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    insert into known_unit (unit_code, name, region, level, active, version, event_id)
                    select 'EXP-' || g, '测试单位' || g, (array['西藏自治区','四川省','云南省','青海省','甘肃省'])[1 + g % 5],
                        '县级', true, 1, gen_random_uuid()
                    from generate_series(:first, :last) g on conflict do nothing""")
                    .setParameter("first", offset + 1).setParameter("last", offset + units).executeUpdate();
            em.createNativeQuery("""
                    insert into upstream_snapshot (kind, unit_code, fiscal_year, version, event_id, source, actor,
                        occurred_at, payload, applied_at)
                    select 'budget', 'EXP-' || g, :year, 1, gen_random_uuid(), 'benchmark', 'benchmark', now(),
                        jsonb_build_object('unitCode', 'EXP-' || g, 'fiscalYear', :year, 'findings', jsonb_build_array(
                          jsonb_build_object('ruleId', 'BUD-REVENUE-IDENTITY', 'severity', 'ERROR',
                            'title', '财政下达资金指标 = 年初下达 + 上年结转 + 年中追加 − 年底收回',
                            'message', '财政下达资金指标19531.57万元，按年初下达、上年结转、年中追加和年底收回应为19393.07万元',
                            'figures', jsonb_build_array(
                              jsonb_build_object('path', 'revenue.allocatedTotal', 'label', '财政下达资金指标',
                                'value', 195315700.00 + g),
                              jsonb_build_object('path', 'revenue.initialAllocation', 'label', '年初下达',
                                'value', 193930720.00)),
                            'expected', 193930720.00, 'stated', 195315700.00 + g, 'difference', 1384980.00 + g,
                            'unit', 'yuan'),
                          jsonb_build_object('ruleId', 'BUD-EXECUTION-RATE', 'severity', 'WARNING',
                            'title', '支出进度', 'message', '支出进度96.04%，低于时序进度', 'figures', jsonb_build_array(),
                            'expected', 100, 'stated', 96.04, 'difference', -3.96, 'unit', 'percent'),
                          jsonb_build_object('ruleId', 'BUD-UNCHECKED', 'severity', 'INFO',
                            'title', '未能核对的勾稽关系', 'message', '未能核对：三公经费（未填报）',
                            'figures', jsonb_build_array()))),
                        now()
                    from generate_series(:first, :last) g""")
                    .setParameter("year", year).setParameter("first", offset + 1).setParameter("last", offset + units)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into finding_explanation (unit_code, fiscal_year, rule_id, explanation, updated_at,
                        updated_by, source)
                    select 'EXP-' || g, :year, 'BUD-REVENUE-IDENTITY', '财政下达资金指标已扣除年底收回的结转资金', now(),
                        'benchmark', 'benchmark'
                    from generate_series(:first, :last) g where g % 3 = 0""")
                    .setParameter("year", year).setParameter("first", offset + 1).setParameter("last", offset + units)
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into report_workflow (unit_code, fiscal_year, status, approval_date, publication_due,
                        updated_at, updated_by)
                    select 'EXP-' || g, :year, 'DRAFT', current_date - 20 + (g % 60) - 30,
                        current_date + (g % 60) - 30, now(), 'benchmark'
                    from generate_series(:first, :last) g""")
                    .setParameter("year", year).setParameter("first", offset + 1).setParameter("last", offset + units)
                    .executeUpdate();
            em.createNativeQuery("analyze").executeUpdate();
        });
    }

    private static void measure(HttpClient client, String token, URI uri, int expectedRows, String what,
            StringBuilder report) throws IOException, InterruptedException {
        System.gc();
        long before = usedHeap();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Path file = Files.createTempFile("export", ".xlsx");
        HttpResponse<Path> response = client.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, response.statusCode());
        long[] counted = rows(file);
        Files.delete(file);
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        // the header row, and (in a database other tests used too) their publications due
        assertTrue(counted[0] == expectedRows + 1 || what.startsWith("publications") && counted[0] > expectedRows,
                what + ": " + counted[0] + " rows");
        report.append("%s: %d rows, %d ms, %.1f MB; heap in use before %d MB, at its peak %d MB (garbage included)%n"
                .formatted(what, counted[0] - 1, millis, counted[1] / 1e6, before >> 20, peak >> 20));
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The rows of the workbook's sheet and the workbook's size, read from the file it was saved to. */
    private static long[] rows(Path xlsx) throws IOException {
        long rows = 0;
        byte[] marker = "<row ".getBytes(StandardCharsets.US_ASCII);
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (!entry.getName().startsWith("xl/worksheets/sheet")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    int matched = 0;
                    byte[] buffer = new byte[65_536];
                    for (int n; (n = in.read(buffer)) >= 0;) {
                        for (int i = 0; i < n; i++) {
                            byte b = buffer[i];
                            matched = b == marker[matched] ? matched + 1 : (b == marker[0] ? 1 : 0);
                            if (matched == marker.length) {
                                rows++;
                                matched = 0;
                            }
                        }
                    }
                }
            }
        }
        return new long[] {rows, Files.size(xlsx)};
    }
}
