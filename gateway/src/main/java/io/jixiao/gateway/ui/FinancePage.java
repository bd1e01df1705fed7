package io.jixiao.gateway.ui;

import static io.jixiao.gateway.ui.Services.await;
import static io.jixiao.gateway.ui.Services.list;
import static io.jixiao.gateway.ui.Services.object;

import io.jixiao.gateway.routing.Backend;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The finance department's dashboard, {@code /finance?year=&region=}: tiles, the grade distribution, the ranking
 * (sorted, filtered and paged by the database, 50 rows at a time, so 50,000 units cost what 50 do), one indicator
 * across units, 双监控 warnings and the review queue. The ranking and the indicator comparison are fragments htmx
 * swaps in place ({@code /finance/ranking}, {@code /finance/indicator}); each also works as a plain link.
 */
@Path("/finance")
@Produces(MediaType.TEXT_HTML)
public class FinancePage {

    static final int PAGE_SIZE = 50;
    private static final List<String> GRADES = List.of("优", "良", "中", "差");


    /** What the dashboard shows: year, region and the ranking's filters and page. */
    public record Filter(int year, String region, String level, String grade, String completeness, String indicator,
            int page) {

        /** The query string of this filter (the page's own parameters), with another page. */
        public String query(long otherPage) {
            return "year=" + year + filters() + (otherPage > 0 ? "&page=" + otherPage : "");
        }

        /** The same filter as the assessment service's ranking takes it, with this page of {@link #PAGE_SIZE}. */
        String rankingQuery() {
            return "fiscalYear=" + year + filters() + "&page=" + page + "&size=" + PAGE_SIZE;
        }

        private String filters() {
            StringBuilder q = new StringBuilder();
            String[][] named = {{"region", region}, {"level", level}, {"grade", grade},
                {"completeness", completeness}, {"indicator", indicator}};
            for (String[] p : named) {
                if (p[1] != null) {
                    q.append('&').append(p[0]).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
                }
            }
            return q.toString();
        }
    }

    private final Services services;
    private final Viewers viewers;
    private final Pages pages;
    private final FrameworkIndicators frameworkIndicators;

    public FinancePage(Services services, Viewers viewers, Pages pages, FrameworkIndicators frameworkIndicators) {
        this.services = services;
        this.viewers = viewers;
        this.pages = pages;
        this.frameworkIndicators = frameworkIndicators;
    }

    @GET
    public TemplateInstance dashboard(@QueryParam("year") Integer year, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("grade") String grade,
            @QueryParam("completeness") String completeness, @QueryParam("indicator") String indicator,
            @QueryParam("page") Integer page) {
        Viewer viewer = financeViewer();
        List<Object> years = list(await(services.read(viewer, Backend.REPORTS, "/api/reports/years")));
        int chosen = year != null ? year : years.isEmpty() ? Year.now().getValue() - 1 : ((Number) years.get(0)).intValue();
        Filter f = filter(chosen, region, level, grade, completeness, indicator, page);
        String inRegion = f.region() == null ? "" : "&region=" + URLEncoder.encode(f.region(), StandardCharsets.UTF_8);
        Map<String, CompletableFuture<Object>> calls = new LinkedHashMap<>();
        calls.put("summary", services.read(viewer, Backend.ASSESSMENT, "/api/assessment/summary?fiscalYear="
                + f.year() + inRegion));
        calls.put("reports", services.read(viewer, Backend.REPORTS, "/api/reports/reports?fiscalYear=" + f.year()
                + inRegion + "&status=SUBMITTED&size=" + PAGE_SIZE));
        calls.put("ranking", services.read(viewer, Backend.ASSESSMENT, "/api/assessment/rankings?"
                + f.rankingQuery()));
        calls.put("warnings", services.read(viewer, Backend.ASSESSMENT, "/api/assessment/warnings?fiscalYear="
                + f.year()));
        calls.put("frameworks", services.read(viewer, Backend.ASSESSMENT, "/api/assessment/frameworks"));
        Map<String, Object> data = new LinkedHashMap<>();
        calls.forEach((key, call) -> data.put(key, await(call)));
        data.put("years", years.isEmpty() ? List.of(f.year()) : years);
        data.put("grades", GRADES);
        data.put("ranking", paged(object(data.get("ranking"))));
        Map<String, Object> summary = object(data.get("summary"));
        data.put("unitCount", number(summary.get("count")) + number(summary.get("incomplete")));
        data.put("indicators", indicators(viewer, list(data.get("frameworks")),
                list(object(data.get("ranking")).get("items"))));
        data.put("gradeChart", gradeChart(object(object(data.get("summary")).get("byGrade"))));
        List<Object> warned = new ArrayList<>();
        for (Object w : list(data.get("warnings"))) {
            if (f.region() == null || f.region().equals(object(w).get("region"))) {
                warned.add(w);
            }
        }
        data.put("warnings", warned);
        return pages.page("FinancePage/dashboard").data("filter", f).data("data", data);
    }

    @GET
    @Path("ranking")
    public TemplateInstance ranking(@QueryParam("year") int year, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("grade") String grade,
            @QueryParam("completeness") String completeness, @QueryParam("indicator") String indicator,
            @QueryParam("page") Integer page) {
        Viewer viewer = financeViewer();
        Filter f = filter(year, region, level, grade, completeness, indicator, page);
        Map<String, Object> ranking = object(await(services.read(viewer, Backend.ASSESSMENT,
                "/api/assessment/rankings?" + f.rankingQuery())));
        return pages.page("FinancePage/ranking").data("filter", f).data("ranking", paged(ranking));
    }

    /** One indicator across the year's units: a histogram of scores, and the rows best first. */
    @GET
    @Path("indicator")
    public TemplateInstance indicator(@QueryParam("year") int year, @QueryParam("region") String region,
            @QueryParam("code") String code) {
        Viewer viewer = financeViewer();
        if (code == null || !code.matches("\\d+(\\.\\d+){0,2}")) {
            throw PageException.notFound("请选择指标。");
        }
        Filter f = filter(year, region, null, null, null, null, 0);
        String inRegion = f.region() == null ? "" : "&region=" + URLEncoder.encode(f.region(), StandardCharsets.UTF_8);
        List<Object> rows = list(await(services.read(viewer, Backend.ASSESSMENT, "/api/assessment/indicators/" + code
                + "?fiscalYear=" + year + inRegion)));
        return pages.page("FinancePage/indicator").data("filter", f).data("code", code)
                .data("rows", rows.subList(0, Math.min(rows.size(), 200))).data("chart", Charts.histogram(rows));
    }

    /** The whole ranking as a workbook or CSV, as filtered (the assessment service streams it). */
    @GET
    @Path("export")
    @Produces({"text/csv", Downloads.XLSX})
    public Response export(@QueryParam("year") int year, @QueryParam("region") String region,
            @QueryParam("level") String level, @QueryParam("grade") String grade,
            @QueryParam("completeness") String completeness, @QueryParam("indicator") String indicator,
            @QueryParam("format") String format) {
        Viewer viewer = financeViewer();
        Filter f = filter(year, region, level, grade, completeness, indicator, 0);
        String chosen = "csv".equals(format) ? "csv" : "xlsx";
        Services.Answer answer = await(services.call(viewer, "GET", Backend.ASSESSMENT,
                "/api/assessment/rankings/export?" + f.rankingQuery() + "&format=" + chosen, "*/*", null, null));
        return Downloads.relay(answer, "绩效排名-" + year + "." + chosen);
    }

    /** The scored indicators of the framework the ranking's first unit is scored by, for the comparison. */
    private List<Map<String, Object>> indicators(Viewer viewer, List<Object> frameworks, List<Object> ranked) {
        if (frameworks.isEmpty()) {
            return List.of();
        }
        Object id = ranked.isEmpty() ? null : object(ranked.get(0)).get("frameworkId");
        Map<String, Object> framework = object(frameworks.stream().filter(fw -> object(fw).get("id").equals(id))
                .findFirst().orElse(frameworks.get(0)));
        return frameworkIndicators.leaves(viewer, framework.get("id"), framework.get("version"));
    }

    /** A ranking page with what the pager needs: its number counted from 1, the previous and next page (or null). */
    private static Map<String, Object> paged(Map<String, Object> ranking) {
        Map<String, Object> out = new LinkedHashMap<>(ranking);
        long page = number(ranking.get("page"));
        long size = number(ranking.get("size"));
        out.put("pageNumber", page + 1);
        out.put("previous", page > 0 ? page - 1 : null);
        out.put("next", (page + 1) * size < number(ranking.get("totalCount")) ? page + 1 : null);
        return out;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    /** The person looking, if they are of the finance department. */
    private Viewer financeViewer() {
        Viewer viewer = viewers.current();
        if (!viewer.finance()) {
            throw PageException.forbidden();
        }
        return viewer;
    }

    private static Filter filter(int year, String region, String level, String grade, String completeness,
            String indicator, Integer page) {
        return new Filter(year, blank(region), blank(level), grade != null && GRADES.contains(grade) ? grade : null,
                "COMPLETE".equals(completeness) || "INCOMPLETE".equals(completeness) ? completeness : null,
                indicator != null && indicator.matches("\\d+(\\.\\d+){0,2}") ? indicator : null,
                page == null || page < 0 ? 0 : page);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String gradeChart(Map<String, Object> byGrade) {
        return Charts.bars("等级分布", byGrade);
    }
}
