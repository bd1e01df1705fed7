package io.jixiao.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Service;
import io.jixiao.local.infra.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every API route of every service × every kind of caller, through the gateway, with tokens from the real
 * Keycloak (DESIGN §9, issue 6). A refused request gets 401 (no valid token) or 403 (a valid token that may not
 * do this — also for a unit that does not exist, so a foreign caller cannot tell whether it does), and changes
 * nothing: refused writes carry altered figures, and everything readable is compared before and after. Allowed
 * callers get through to the service and get its answer. The route list is checked against the merged OpenAPI
 * document, so a route added without a line here fails this test.
 */
class SecurityMatrixIT {

    /** Who calls. */
    enum Caller {
        ANONYMOUS, EXPIRED, FORGED,
        /** {@code clerk}: unit-reporter of XZ-WXB (填报人). */
        REPORTER,
        /** {@code reporter-tjj}: reporter and approver of another unit. */
        OTHER_REPORTER,
        /** {@code xz-wxb-finance-system}: XZ-WXB's department system (client credentials). */
        SYSTEM,
        /** {@code xz-tjj-finance-system}: another unit's department system. */
        OTHER_SYSTEM,
        /** {@code approver}: unit-approver of XZ-WXB only. */
        APPROVER,
        FINANCE, ADMIN,
        /** {@code nounit}: a reporter whose token carries no unit_code. */
        NO_UNIT,
        /** {@code xz-province-system}: a feeder for every unit of region 西藏自治区 (unit_region). */
        FEEDER_REGION,
        /** {@code xz-units-system}: a feeder for the units XZ-WXB and XZ-TJJ (unit_codes). */
        FEEDER_LIST,
        /** {@code sc-province-system}: a feeder for region 四川省, outside which XZ-WXB lies. */
        FEEDER_OUTSIDE
    }

    private static final String UNIT = "XZ-WXB";
    private static final int YEAR = 2024;
    private static final String UY = "/units/" + UNIT + "/years/" + YEAR;

    private static final Set<Caller> UNIT_READERS = EnumSet.of(Caller.REPORTER, Caller.SYSTEM, Caller.APPROVER,
            Caller.FINANCE, Caller.ADMIN, Caller.FEEDER_REGION, Caller.FEEDER_LIST);
    private static final Set<Caller> UNIT_WRITERS = EnumSet.of(Caller.REPORTER, Caller.SYSTEM, Caller.FEEDER_REGION,
            Caller.FEEDER_LIST);
    private static final Set<Caller> AUTHENTICATED = EnumSet.complementOf(
            EnumSet.of(Caller.ANONYMOUS, Caller.EXPIRED, Caller.FORGED));
    private static final Set<Caller> FINANCE_ADMIN = EnumSet.of(Caller.FINANCE, Caller.ADMIN);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;
    private static String gateway;
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static List<Route> routes;

    /**
     * One route: its OpenAPI form, a concrete request, who may call it and what they then get, and the bodies
     * sent by allowed callers (the figures already held: no change) and by refused ones (altered figures: a
     * change if the request got through).
     */
    record Route(String method, String template, String path, Set<Caller> allowed, Set<Integer> allowedStatus,
            String contentType, String body, String refusedBody) {

        String operation() {
            return method + " " + template;
        }

        int refusedStatus(Caller caller) {
            return switch (caller) {
                case ANONYMOUS, EXPIRED, FORGED -> 401;
                default -> 403;
            };
        }
    }

    @BeforeAll
    static void start() throws IOException {
        platform = RunningPlatform.get();
        gateway = platform.gatewayUrl();
        Tokens tokens = RunningPlatform.tokens();
        Fixtures.load(Fixtures.folder("xz-wxb-2024"), gateway, tokens, line -> { });

        TOKENS.put(Caller.REPORTER, tokens.user("clerk"));
        TOKENS.put(Caller.OTHER_REPORTER, tokens.user("reporter-tjj"));
        TOKENS.put(Caller.SYSTEM, tokens.client("xz-wxb-finance-system"));
        TOKENS.put(Caller.OTHER_SYSTEM, tokens.client("xz-tjj-finance-system"));
        TOKENS.put(Caller.APPROVER, tokens.user("approver"));
        TOKENS.put(Caller.FINANCE, tokens.user("finance"));
        TOKENS.put(Caller.ADMIN, tokens.user("admin"));
        TOKENS.put(Caller.NO_UNIT, tokens.user("nounit"));
        TOKENS.put(Caller.FEEDER_REGION, tokens.client("xz-province-system"));
        TOKENS.put(Caller.FEEDER_LIST, tokens.client("xz-units-system"));
        TOKENS.put(Caller.FEEDER_OUTSIDE, tokens.client("sc-province-system"));
        TOKENS.put(Caller.FORGED, forge(TOKENS.get(Caller.REPORTER)));
        TOKENS.put(Caller.EXPIRED, tokens.expiredUser("finance"));
        routes = routes();
    }

    @Test
    void theMergedOpenApiListsEveryRouteOfEveryServiceAndThisMatrixWalksThemAll() throws Exception {
        HttpResponse<String> merged = Http.send("GET", gateway + "/openapi", null, null, null);
        assertEquals(200, merged.statusCode(), merged.body());
        Set<String> documented = operations(JSON.readTree(merged.body()));
        for (Service service : List.of(Service.PERSONNEL, Service.BUDGET, Service.ASSESSMENT, Service.REPORT)) {
            HttpResponse<String> own = Http.send("GET", platform.url(service) + "/q/openapi?format=json", null, null,
                    null);
            assertEquals(200, own.statusCode());
            Set<String> ops = operations(JSON.readTree(own.body()));
            assertTrue(ops.size() > 3, service + " documents its routes");
            Set<String> missing = new TreeSet<>(ops);
            missing.removeAll(documented);
            assertTrue(missing.isEmpty(), "the merged document lacks routes of " + service + ": " + missing);
        }
        Set<String> walked = new TreeSet<>();
        routes.forEach(r -> walked.add(r.operation()));
        Set<String> notWalked = new TreeSet<>(documented);
        notWalked.removeAll(walked);
        Set<String> unknown = new TreeSet<>(walked);
        unknown.removeAll(documented);
        assertTrue(notWalked.isEmpty(), "routes with no line in this matrix: " + notWalked);
        assertTrue(unknown.isEmpty(), "matrix lines for routes nobody documents: " + unknown);
    }

    @Test
    void everyRefusedRequestIsRefusedWithTheRightStatusAndChangesNothing() throws Exception {
        Map<String, String> before = stableSnapshot();
        List<String> wrong = new ArrayList<>();
        int refused = 0;
        for (Route route : routes) {
            for (Caller caller : Caller.values()) {
                if (route.allowed().contains(caller)) {
                    continue;
                }
                refused++;
                HttpResponse<String> response = Http.send(route.method(), gateway + route.path(), TOKENS.get(caller),
                        route.contentType(), route.refusedBody());
                // the refusal is answered as the platform's document says (problem details)
                wrong.addAll(Contract.violations(Contract.Scope.ANSWER, route.method(), gateway + route.path(),
                        route.contentType(), TOKENS.get(caller), bytes(route.refusedBody()), response));
                int expected = route.refusedStatus(caller);
                if (response.statusCode() != expected) {
                    wrong.add(route.operation() + " as " + caller + ": " + response.statusCode() + " (expected "
                            + expected + ") " + abbreviate(response.body()));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + refused + " refused requests got another status:\n"
                + String.join("\n", wrong));
        assertTrue(refused > 300, "the matrix refuses " + refused + " requests");
        Map<String, String> after = snapshot();
        for (String path : before.keySet()) {
            assertEquals(before.get(path), after.get(path), "refused requests changed " + path);
        }
    }

    @Test
    void everyAllowedCallerGetsThroughToTheService() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            for (Caller caller : route.allowed()) {
                HttpResponse<String> response = Http.send(route.method(), gateway + route.path(), TOKENS.get(caller),
                        route.contentType(), route.body());
                // an ordinary call of every route: the request and its answer as the platform's document says
                wrong.addAll(Contract.violations(Contract.Scope.EXCHANGE, route.method(), gateway + route.path(),
                        route.contentType(), TOKENS.get(caller), bytes(route.body()), response));
                if (!route.allowedStatus().contains(response.statusCode())) {
                    wrong.add(route.operation() + " as " + caller + ": " + response.statusCode() + " (expected "
                            + route.allowedStatus() + ") " + abbreviate(response.body()));
                }
                if (response.statusCode() >= 400) {
                    // a business refusal, not an authorization one: the service's own problem details
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (!type.startsWith("application/problem+json")) {
                        wrong.add(route.operation() + " as " + caller + ": " + response.statusCode() + " without "
                                + "problem details");
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aForeignCallerCannotTellWhetherAUnitExists() throws Exception {
        for (Caller caller : List.of(Caller.OTHER_REPORTER, Caller.OTHER_SYSTEM, Caller.NO_UNIT,
                Caller.FEEDER_OUTSIDE)) {
            for (String unit : List.of(UNIT, "XZ-NOSUCH")) {
                for (String path : List.of("/api/budget/units/" + unit + "/years/2024/budget",
                        "/api/personnel/units/" + unit, "/api/assessment/units/" + unit + "/years/2024/score",
                        "/api/reports/units/" + unit + "/years/2024/status")) {
                    assertEquals(403, Http.send("GET", gateway + path, TOKENS.get(caller), null, null).statusCode(),
                            caller + " " + path);
                }
            }
        }
        // finance may know every unit: for it, an unknown unit is simply not there
        HttpResponse<String> unknown = Http.send("GET", gateway + "/api/budget/units/XZ-NOSUCH/years/2024/budget",
                TOKENS.get(Caller.FINANCE), null, null);
        assertEquals(404, unknown.statusCode());
    }

    @Test
    void aFeederPushesManyUnitsOfItsScopeInOneBatchAndABatchReachingOutsideItChangesNothing() throws Exception {
        Fixtures.load(Fixtures.folder("xz-tjj-2024"), gateway, RunningPlatform.tokens(), line -> { });
        String wxb = Files.readString(Fixtures.folder("xz-wxb-2024").resolve("budget.json"));
        String tjj = Files.readString(Fixtures.folder("xz-tjj-2024").resolve("budget.json"));
        List<String> held = List.of("/api/budget" + UY + "/budget", "/api/budget/units/XZ-TJJ/years/2024/budget");
        Map<String, String> before = Http.readAll(gateway, TOKENS.get(Caller.FINANCE), held);

        // both units in the scope (the region's, the list's): one request, both answered, nothing new to store
        for (Caller feeder : List.of(Caller.FEEDER_REGION, Caller.FEEDER_LIST)) {
            HttpResponse<String> both = Http.send("POST", gateway + "/api/budget/budgets/batch", TOKENS.get(feeder),
                    "application/json", batchOf("budget", Map.of(UNIT, wxb, "XZ-TJJ", tjj)));
            assertEquals(200, both.statusCode(), feeder + ": " + both.body());
            assertEquals(2, JSON.readTree(both.body()).size());
        }
        // one unit outside the scope: the whole batch is refused, naming no figure of it, and nothing changes
        Map<Caller, String> outside = Map.of(Caller.FEEDER_LIST, "XZ-KJT", Caller.FEEDER_REGION, "SC-DY-WGLJ",
                Caller.FEEDER_OUTSIDE, "SC-DY-WGLJ");
        for (Map.Entry<Caller, String> e : outside.entrySet()) {
            HttpResponse<String> refused = Http.send("POST", gateway + "/api/budget/budgets/batch",
                    TOKENS.get(e.getKey()), "application/json", batchOf("budget",
                            Map.of(UNIT, altered(wxb), e.getValue(), altered(tjj))));
            assertEquals(403, refused.statusCode(), e.getKey() + ": " + refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        }
        assertEquals(before, Http.readAll(gateway, TOKENS.get(Caller.FINANCE), held));
    }

    // ---------------------------------------------------------------------------------------------- the matrix

    private static List<Route> routes() throws IOException {
        Path fixture = Fixtures.folder("xz-wxb-2024");
        String unit = Files.readString(fixture.resolve("unit.json"));
        String staff = Files.readString(fixture.resolve("staff.json"));
        String assets = Files.readString(fixture.resolve("assets.json"));
        String budget = Files.readString(fixture.resolve("budget.json"));
        String evaluation = Files.readString(fixture.resolve("evaluation.json"));
        String narratives = Files.readString(fixture.resolve("narratives.json"));
        Path frameworks = io.jixiao.local.infra.WorkDirs.root().resolve("assessment-service/src/main/resources/frameworks");
        String mof = Files.readString(frameworks.resolve("mof-2013-common.yaml"));

        JsonNode framework = firstWhere(get("/api/assessment/frameworks"), "id", "mof-2013-common");
        int frameworkVersion = framework.get("version").asInt();
        JsonNode category = get("/api/personnel/reference/staff-categories").get(0);
        JsonNode movement = get("/api/personnel/reference/movement-kinds").get(0);
        ObjectNode categoryBody = JSON.createObjectNode().put("name", category.get("name").asText())
                .put("sortOrder", category.get("sortOrder").asInt());
        ObjectNode movementBody = JSON.createObjectNode().put("name", movement.get("name").asText())
                .put("direction", movement.get("direction").asText()).put("sortOrder", movement.get("sortOrder").asInt());

        String json = "application/json";
        Set<Integer> ok = Set.of(200);
        List<Route> r = new ArrayList<>();
        // personnel-service: the units register, staff, assets, reference lists
        r.add(new Route("GET", "/api/personnel/units", "/api/personnel/units", FINANCE_ADMIN, ok, null, null, null));
        r.add(new Route("GET", "/api/personnel/units/{unitCode}", "/api/personnel/units/" + UNIT, UNIT_READERS, ok,
                null, null, null));
        r.add(new Route("PUT", "/api/personnel/units/{unitCode}", "/api/personnel/units/" + UNIT,
                EnumSet.of(Caller.ADMIN), ok, json, unit, altered(unit)));
        r.add(new Route("POST", "/api/personnel/units/batch", "/api/personnel/units/batch", EnumSet.of(Caller.ADMIN),
                ok, json, unitBatch(unit), unitBatch(altered(unit))));
        for (String kind : List.of("staff", "assets")) {
            String doc = kind.equals("staff") ? staff : assets;
            String base = "/api/personnel/units/{unitCode}/years/{fiscalYear}/" + kind;
            String path = "/api/personnel" + UY + "/" + kind;
            r.add(new Route("PUT", base, path, UNIT_WRITERS, ok, json, doc, altered(doc)));
            r.add(new Route("GET", base, path, UNIT_READERS, ok, null, null, null));
            r.add(new Route("GET", base + "/history", path + "/history", UNIT_READERS, ok, null, null, null));
            r.add(new Route("GET", base + "/findings", path + "/findings", UNIT_READERS, ok, null, null, null));
            r.add(new Route("POST", "/api/personnel/" + kind + "/batch", "/api/personnel/" + kind + "/batch",
                    UNIT_WRITERS, ok, json, batch("document", doc), batch("document", altered(doc))));
        }
        r.add(new Route("GET", "/api/personnel/units/{unitCode}/years/{fiscalYear}/findings",
                "/api/personnel" + UY + "/findings", UNIT_READERS, ok, null, null, null));
        r.add(new Route("GET", "/api/personnel/reference/staff-categories", "/api/personnel/reference/staff-categories",
                AUTHENTICATED, ok, null, null, null));
        r.add(new Route("GET", "/api/personnel/reference/movement-kinds", "/api/personnel/reference/movement-kinds",
                AUTHENTICATED, ok, null, null, null));
        r.add(new Route("PUT", "/api/personnel/reference/staff-categories/{code}",
                "/api/personnel/reference/staff-categories/" + category.get("code").asText(), EnumSet.of(Caller.ADMIN),
                ok, json, categoryBody.toString(), altered(categoryBody.toString())));
        r.add(new Route("PUT", "/api/personnel/reference/movement-kinds/{code}",
                "/api/personnel/reference/movement-kinds/" + movement.get("code").asText(), EnumSet.of(Caller.ADMIN),
                ok, json, movementBody.toString(), altered(movementBody.toString())));

        // budget-service
        String budgetPath = "/api/budget" + UY + "/budget";
        r.add(new Route("PUT", "/api/budget/units/{unitCode}/years/{fiscalYear}/budget", budgetPath, UNIT_WRITERS, ok,
                json, budget, altered(budget)));
        r.add(new Route("GET", "/api/budget/units/{unitCode}/years/{fiscalYear}/budget", budgetPath, UNIT_READERS, ok,
                null, null, null));
        r.add(new Route("GET", "/api/budget/units/{unitCode}/years/{fiscalYear}/budget/history",
                budgetPath + "/history", UNIT_READERS, ok, null, null, null));
        r.add(new Route("GET", "/api/budget/units/{unitCode}/years/{fiscalYear}/findings",
                "/api/budget" + UY + "/findings", UNIT_READERS, ok, null, null, null));
        r.add(new Route("POST", "/api/budget/budgets/batch", "/api/budget/budgets/batch", UNIT_WRITERS, ok, json,
                batch("budget", budget), batch("budget", altered(budget))));

        // the gateway's own route: the year as one workbook, each document's service deciding as the caller; an upload
        // that is not a workbook reaches the budget's service only to learn whether the caller may write the unit
        String yearWorkbook = "/api/workbooks" + UY;
        r.add(new Route("GET", "/api/workbooks/units/{unitCode}/years/{fiscalYear}", yearWorkbook, UNIT_READERS, ok,
                null, null, null));
        r.add(new Route("PUT", "/api/workbooks/units/{unitCode}/years/{fiscalYear}", yearWorkbook, UNIT_WRITERS,
                Set.of(415), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "not a workbook",
                "not a workbook"));

        // assessment-service
        r.add(new Route("GET", "/api/assessment/units/{unitCode}/years/{fiscalYear}/score",
                "/api/assessment" + UY + "/score", UNIT_READERS, ok, null, null, null));
        r.add(new Route("PUT", "/api/assessment/units/{unitCode}/years/{fiscalYear}/evaluation",
                "/api/assessment" + UY + "/evaluation", UNIT_WRITERS, ok, json, evaluation, altered(evaluation)));
        r.add(new Route("GET", "/api/assessment/units/{unitCode}/years/{fiscalYear}/evaluation",
                "/api/assessment" + UY + "/evaluation", UNIT_READERS, ok, null, null, null));
        r.add(new Route("GET", "/api/assessment/frameworks", "/api/assessment/frameworks", AUTHENTICATED, ok, null,
                null, null));
        r.add(new Route("GET", "/api/assessment/frameworks/{id}/versions/{version}",
                "/api/assessment/frameworks/mof-2013-common/versions/" + frameworkVersion, AUTHENTICATED, ok, null,
                null, null));
        r.add(new Route("PUT", "/api/assessment/frameworks", "/api/assessment/frameworks", EnumSet.of(Caller.ADMIN),
                ok, "application/yaml", mof, mof.replaceFirst("(?m)^version: *\\d+", "version: 9" + frameworkVersion)));
        r.add(new Route("GET", "/api/assessment/rankings", "/api/assessment/rankings?fiscalYear=" + YEAR,
                FINANCE_ADMIN, ok, null, null, null));
        r.add(new Route("GET", "/api/assessment/rankings/export",
                "/api/assessment/rankings/export?fiscalYear=" + YEAR + "&format=csv", FINANCE_ADMIN, ok, null, null,
                null));
        r.add(new Route("GET", "/api/assessment/exports/indicators",
                "/api/assessment/exports/indicators?fiscalYear=" + YEAR, FINANCE_ADMIN, ok, null, null, null));
        r.add(new Route("GET", "/api/assessment/indicators/{code}",
                "/api/assessment/indicators/2.1.1?fiscalYear=" + YEAR, FINANCE_ADMIN, ok, null, null, null));
        r.add(new Route("GET", "/api/assessment/warnings", "/api/assessment/warnings?fiscalYear=" + YEAR,
                FINANCE_ADMIN, ok, null, null, null));
        r.add(new Route("GET", "/api/assessment/summary", "/api/assessment/summary?fiscalYear=" + YEAR,
                FINANCE_ADMIN, ok, null, null, null));

        // report-service
        String rep = "/api/reports" + UY;
        String repT = "/api/reports/units/{unitCode}/years/{fiscalYear}";
        r.add(new Route("GET", repT, rep + "?format=json", UNIT_READERS, ok, null, null, null));
        r.add(new Route("PUT", repT + "/narratives", rep + "/narratives", UNIT_WRITERS, ok, json, narratives,
                altered(narratives)));
        r.add(new Route("GET", repT + "/narratives", rep + "/narratives", UNIT_READERS, ok, null, null, null));
        r.add(new Route("GET", repT + "/narratives/history", rep + "/narratives/history", UNIT_READERS, ok, null,
                null, null));
        r.add(new Route("GET", repT + "/findings", rep + "/findings", UNIT_READERS, ok, null, null, null));
        String explanation = "{\"explanation\":\"年底收回资金已按财政要求退回国库\"}";
        r.add(new Route("PUT", repT + "/findings/{ruleId}/explanation",
                rep + "/findings/BUD-REVENUE-IDENTITY/explanation", UNIT_WRITERS, ok, json, explanation, explanation));
        r.add(new Route("DELETE", repT + "/findings/{ruleId}/explanation",
                rep + "/findings/BUD-REVENUE-IDENTITY/explanation", UNIT_WRITERS, ok, null, null, null));
        r.add(new Route("GET", repT + "/status", rep + "/status", UNIT_READERS, ok, null, null, null));
        // the seed has unexplained error findings: submission is refused by the workflow, not by security
        r.add(new Route("POST", repT + "/submit", rep + "/submit", EnumSet.of(Caller.APPROVER), Set.of(409), null,
                null, null));
        r.add(new Route("POST", repT + "/return", rep + "/return", EnumSet.of(Caller.FINANCE), Set.of(409), json,
                "{\"comment\":\"请补充说明\"}", "{\"comment\":\"请补充说明\"}"));
        r.add(new Route("POST", repT + "/accept", rep + "/accept", EnumSet.of(Caller.FINANCE), Set.of(409), json, "{}",
                "{}"));
        r.add(new Route("PUT", repT + "/approval", rep + "/approval", EnumSet.of(Caller.FINANCE), ok, json,
                "{\"approvalDate\":\"2025-06-30\"}", "{\"approvalDate\":\"2025-07-31\"}"));
        r.add(new Route("POST", repT + "/publish", rep + "/publish", EnumSet.of(Caller.FINANCE), Set.of(409), json,
                "{}", "{}"));
        r.add(new Route("GET", repT + "/versions", rep + "/versions", UNIT_READERS, ok, null, null, null));
        // no version exists before a submission: the caller may know the unit, so it learns there is none
        r.add(new Route("GET", repT + "/versions/{number}", rep + "/versions/1", UNIT_READERS, Set.of(200, 404), null,
                null, null));
        r.add(new Route("GET", repT + "/log", rep + "/log", UNIT_READERS, ok, null, null, null));
        r.add(new Route("GET", "/api/reports/due", "/api/reports/due?withinDays=30", EnumSet.of(Caller.FINANCE), ok,
                null, null, null));
        // the lists across unit-years (finance's review queue, the years held) and a unit's own years
        r.add(new Route("GET", "/api/reports/reports", "/api/reports/reports?fiscalYear=" + YEAR + "&status=SUBMITTED",
                EnumSet.of(Caller.FINANCE), ok, null, null, null));
        r.add(new Route("GET", "/api/reports/years", "/api/reports/years", EnumSet.of(Caller.FINANCE), ok, null, null,
                null));
        r.add(new Route("GET", "/api/reports/units/{unitCode}/years", "/api/reports/units/" + UNIT + "/years",
                UNIT_READERS, ok, null, null, null));
        r.add(new Route("GET", "/api/reports/exports/findings", "/api/reports/exports/findings?fiscalYear=" + YEAR,
                FINANCE_ADMIN, ok, null, null, null));
        r.add(new Route("GET", "/api/reports/exports/due", "/api/reports/exports/due?withinDays=30", FINANCE_ADMIN,
                ok, null, null, null));
        // open data: no token needed; a token that is not valid is still refused
        Set<Caller> everyone = EnumSet.complementOf(EnumSet.of(Caller.EXPIRED, Caller.FORGED));
        r.add(new Route("GET", "/api/reports/public/reports", "/api/reports/public/reports?fiscalYear=" + YEAR,
                everyone, ok, null, null, null));
        r.add(new Route("GET", "/api/reports/public/years", "/api/reports/public/years", everyone, ok, null, null,
                null));
        r.add(new Route("GET", "/api/reports/public/units/{unitCode}/years/{fiscalYear}",
                "/api/reports/public" + UY + "?format=json", everyone, Set.of(200, 404), null, null, null));

        // the audit trail of the unit-year, in every service: read-only, for the unit, finance and admin
        for (String prefix : List.of("/api/personnel", "/api/budget", "/api/assessment", "/api/reports")) {
            r.add(new Route("GET", prefix + "/units/{unitCode}/years/{fiscalYear}/audit", prefix + UY + "/audit",
                    UNIT_READERS, ok, null, null, null));
        }

        // the read model of the units register, in every service that consumes it
        for (String prefix : List.of("/api/budget", "/api/assessment", "/api/reports")) {
            r.add(new Route("GET", prefix + "/known-units/{unitCode}", prefix + "/known-units/" + UNIT, UNIT_READERS,
                    ok, null, null, null));
        }
        return r;
    }

    /** What a refused request would have changed: the whole readable state of the unit and the registers. */
    private static List<String> snapshotPaths() {
        List<String> paths = new ArrayList<>(List.of("/api/personnel/units", "/api/personnel/units/" + UNIT,
                "/api/personnel/reference/staff-categories", "/api/personnel/reference/movement-kinds",
                "/api/assessment/frameworks", "/api/assessment" + UY + "/evaluation", "/api/budget" + UY + "/budget",
                "/api/budget" + UY + "/budget/history"));
        for (String kind : List.of("staff", "assets")) {
            paths.add("/api/personnel" + UY + "/" + kind);
            paths.add("/api/personnel" + UY + "/" + kind + "/history");
        }
        for (String tail : List.of("/narratives", "/narratives/history", "/findings", "/status", "/versions", "/log")) {
            paths.add("/api/reports" + UY + tail);
        }
        // a refused request leaves no trace in any audit trail either
        for (String prefix : List.of("/api/personnel", "/api/budget", "/api/assessment", "/api/reports")) {
            paths.add(prefix + UY + "/audit");
        }
        return paths;
    }

    private static Map<String, String> snapshot() throws Exception {
        return Http.readAll(gateway, TOKENS.get(Caller.ADMIN), snapshotPaths());
    }

    /** The snapshot once the events of the fixture have settled in every service. */
    private static Map<String, String> stableSnapshot() throws Exception {
        Map<String, String> previous = snapshot();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Map<String, String> next = snapshot();
            if (next.equals(previous)) {
                return next;
            }
            previous = next;
        }
        fail("the platform's state did not settle within 90 s");
        return previous;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A units batch of the one unit. */
    private static String unitBatch(String profile) throws IOException {
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("items").addObject().put("unitCode", UNIT).set("profile", JSON.readTree(profile));
        return batch.toString();
    }

    /** A batch of one document per unit, for 2024. */
    private static String batchOf(String field, Map<String, String> documents) throws IOException {
        ObjectNode batch = JSON.createObjectNode();
        var items = batch.putArray("items");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(documents).entrySet()) {
            ObjectNode item = items.addObject().put("unitCode", e.getKey()).put("fiscalYear", YEAR);
            item.set(field, JSON.readTree(e.getValue()));
        }
        return batch.toString();
    }

    private static String batch(String field, String document) throws IOException {
        ObjectNode item = JSON.createObjectNode().put("unitCode", UNIT).put("fiscalYear", YEAR);
        item.set(field, JSON.readTree(document));
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("items").add(item);
        return batch.toString();
    }

    /** The same document with one figure changed (the first number + 1, else the first text amended). */
    static String altered(String document) {
        try {
            JsonNode tree = JSON.readTree(document);
            if (!alterFirst(tree, true) && !alterFirst(tree, false)) {
                throw new IllegalArgumentException("nothing to alter in " + document);
            }
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean alterFirst(JsonNode node, boolean numbers) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (numbers && value.isNumber()) {
                    object.put(field.getKey(), value.decimalValue().add(BigDecimal.ONE));
                    return true;
                }
                if (!numbers && value.isTextual() && !value.asText().isBlank()) {
                    object.set(field.getKey(), new TextNode(value.asText() + "（改）"));
                    return true;
                }
                if (alterFirst(value, numbers)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (alterFirst(element, numbers)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> operations(JsonNode openapi) {
        Set<String> ops = new TreeSet<>();
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(m)) {
                ops.add(m.toUpperCase() + " " + path.getKey());
            }
        }));
        return ops;
    }

    private static JsonNode get(String path) throws IOException {
        try {
            HttpResponse<String> response = Http.send("GET", gateway + path, TOKENS.get(Caller.ADMIN), null, null);
            assertEquals(200, response.statusCode(), path);
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode firstWhere(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.path(field).asText())) {
                return element;
            }
        }
        throw new IllegalStateException("no element with " + field + " = " + value + " in " + array);
    }

    /** A token with the reporter's signature but another unit and the admin role in its claims. */
    private static String forge(String token) throws IOException {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("unit_code", "XZ-TJJ");
        ((ObjectNode) claims.with("realm_access")).putArray("roles").add("admin").add("finance");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JSON.writeValueAsBytes(claims));
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
