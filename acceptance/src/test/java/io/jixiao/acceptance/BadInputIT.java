package io.jixiao.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.local.infra.Fixtures;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Service;
import io.jixiao.local.infra.Tokens;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input at scale (issue 7): for every write endpoint, {@value #PER_ENDPOINT} requests generated from its valid
 * document with a fixed seed — wrong types, huge, over-precise, negative and NaN-like amounts, truncated, deeply
 * nested and oversize JSON, raw and escaped control characters, invalid UTF-8, unknown fields, SQL and script
 * fragments where a code belongs, another unit's code. Every answer must be a 4xx (problem details for a 400),
 * never a 5xx, and nothing readable may change.
 *
 * <p>Sent to each service directly with real tokens: what is under test is each service's own refusal of bad
 * input (DESIGN §5), and the gateway's per-client rate limit would otherwise pace 15,000 requests to minutes; the
 * gateway's own limits are tested in the gateway module and {@link RateLimitIT}.
 */
class BadInputIT {

    /** How many answers of each kind of mistake, endpoint and status are checked against the API document. */
    private static final int CONTRACT_CHECKS_PER_KIND = 3;

    static final int PER_ENDPOINT = 1_000;
    private static final String UNIT = "XZ-WXB";
    private static final String UY = "/units/" + UNIT + "/years/2024";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;
    private static Tokens issuer;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, Long> ISSUED = new ConcurrentHashMap<>();

    /** A write endpoint: where, as whom, and the valid document malformed requests are made from. */
    record Endpoint(Service service, String method, String path, String as, String validBody) {
    }

    @BeforeAll
    static void start() {
        platform = RunningPlatform.get();
        issuer = RunningPlatform.tokens();
        Fixtures.load(Fixtures.folder("xz-wxb-2024"), platform.gatewayUrl(), issuer, line -> { });
    }

    /** A token of the caller, fetched again well before the realm's five-minute lifespan runs out. */
    private static synchronized String token(String as) {
        Long issued = ISSUED.get(as);
        if (issued == null || System.nanoTime() - issued > Duration.ofMinutes(3).toNanos()) {
            TOKENS.put(as, switch (as) {
                case "system" -> issuer.client("xz-wxb-finance-system");
                default -> issuer.user(as);
            });
            ISSUED.put(as, System.nanoTime());
        }
        return TOKENS.get(as);
    }

    /** What a client must never read in an answer: Java class names, Jackson's wording, stack fragments. */
    static final Pattern INTERNALS = Pattern.compile("(?:com\\.fasterxml|java\\.(?:lang|util|math|time)|jakarta\\."
            + "|org\\.(?:jboss|hibernate|eclipse)|io\\.(?:quarkus|vertx|smallrye|jixiao)|Exception\\b|Deserializ"
            + "|Cannot (?:map|deserialize|construct|coerce)|\\bat [a-z]+\\.[a-z]+\\.|`[A-Za-z.]+`)");

    /**
     * The words of a problem the service wrote: title, detail and each error's message — without the field paths,
     * which echo what the client sent.
     */
    static String ownWords(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            StringBuilder words = new StringBuilder(problem.path("title").asText()).append('\n');
            String detail = problem.path("detail").asText();
            for (JsonNode error : problem.path("errors")) {
                detail = detail.replace(error.path("field").asText(), "");
                words.append(error.path("message").asText()).append('\n');
            }
            return words.append(detail).toString();
        } catch (Exception notJson) {
            return body;
        }
    }

    @Test
    void thousandsOfMalformedRequestsPerWriteEndpointGetA4xxAndChangeNothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        Map<String, String> before = snapshot();
        Map<String, List<String>> wrong = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        Map<String, AtomicInteger> checked = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            work.add(pool.submit(() -> {
                Random random = new Random(endpoint.path().hashCode());
                JsonNode valid = JSON.readTree(endpoint.validBody());
                for (int i = 0; i < PER_ENDPOINT; i++) {
                    Malformed m = malform(endpoint, valid, i, random);
                    HttpResponse<String> response;
                    try {
                        response = send(endpoint, m);
                    } catch (java.io.IOException e) {
                        // only an oversize body may be cut off by the server before it is read whole
                        sent.incrementAndGet();
                        if (!m.kind().equals("oversize body")) {
                            wrong.computeIfAbsent(endpoint.method() + " " + endpoint.path(),
                                    k -> Collections.synchronizedList(new ArrayList<>())).add(m.kind() + " → " + e);
                        }
                        continue;
                    }
                    sent.incrementAndGet();
                    int status = response.statusCode();
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    // 401 would only mean the token ran out: the request's content was never judged
                    boolean ok = status >= 400 && status < 500 && status != 401
                            && (status != 400 || type.startsWith("application/problem+json"));
                    if (!ok) {
                        wrong.computeIfAbsent(endpoint.method() + " " + endpoint.path(),
                                k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(m.kind() + " → " + status + " " + abbreviate(response.body()));
                    }
                    // the answer is what the platform's document says (checked for the first few answers of each
                    // kind of mistake, endpoint and status: the validator is most of this test's CPU, and the same
                    // mistake answered with the same status is answered alike), and never says anything of the
                    // framework inside (checked for every answer)
                    List<String> problems = new ArrayList<>();
                    if (checked.computeIfAbsent(endpoint.method() + " " + endpoint.path() + " " + m.kind() + " "
                            + status, k -> new AtomicInteger()).getAndIncrement() < CONTRACT_CHECKS_PER_KIND) {
                        problems.addAll(Contract.violations(Contract.Scope.ANSWER, endpoint.method(),
                                platform.url(endpoint.service()) + m.path(), "application/json", token(endpoint.as()),
                                m.body(), response));
                    }
                    Matcher internals = INTERNALS.matcher(response.body() == null ? "" : ownWords(response.body()));
                    if (internals.find()) {
                        problems.add("framework internals in the answer: «" + internals.group() + "» in "
                                + abbreviate(response.body()));
                    }
                    if (!problems.isEmpty()) {
                        wrong.computeIfAbsent(endpoint.method() + " " + endpoint.path(),
                                k -> Collections.synchronizedList(new ArrayList<>())).addAll(problems.stream()
                                        .map(p -> m.kind() + " → " + p).toList());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get(20, TimeUnit.MINUTES);
        }
        pool.shutdown();
        StringBuilder report = new StringBuilder();
        wrong.forEach((endpoint, list) -> report.append(endpoint).append(": ").append(list.size()).append(" wrong, e.g. ")
                .append(list.subList(0, Math.min(5, list.size()))).append('\n'));
        assertTrue(wrong.isEmpty(), report.toString());
        assertEquals(endpoints.size() * PER_ENDPOINT, sent.get());
        assertEquals(before, snapshot(), "malformed requests changed what is stored");
        for (Service service : Service.backends()) {
            assertEquals(200, Http.send("GET", platform.url(service) + "/q/health/ready", null, null, null).statusCode(),
                    service + " still ready");
        }
    }

    // ------------------------------------------------------------------------------------- what is written to

    private static List<Endpoint> endpoints() throws Exception {
        Path fixture = Fixtures.folder("xz-wxb-2024");
        String staff = Files.readString(fixture.resolve("staff.json"));
        String assets = Files.readString(fixture.resolve("assets.json"));
        String budget = Files.readString(fixture.resolve("budget.json"));
        List<Endpoint> e = new ArrayList<>();
        e.add(new Endpoint(Service.PERSONNEL, "PUT", "/api/personnel/units/" + UNIT, "admin",
                Files.readString(fixture.resolve("unit.json"))));
        e.add(new Endpoint(Service.PERSONNEL, "PUT", "/api/personnel" + UY + "/staff", "system", staff));
        e.add(new Endpoint(Service.PERSONNEL, "PUT", "/api/personnel" + UY + "/assets", "system", assets));
        e.add(new Endpoint(Service.PERSONNEL, "POST", "/api/personnel/staff/batch", "system", batch("document", staff)));
        e.add(new Endpoint(Service.PERSONNEL, "POST", "/api/personnel/assets/batch", "system",
                batch("document", assets)));
        e.add(new Endpoint(Service.PERSONNEL, "PUT", "/api/personnel/reference/staff-categories/civil-servant", "admin",
                "{\"name\":\"公务员\",\"sortOrder\":1}"));
        e.add(new Endpoint(Service.PERSONNEL, "PUT", "/api/personnel/reference/movement-kinds/retirement", "admin",
                "{\"name\":\"退休\",\"direction\":\"OUT\",\"sortOrder\":2}"));
        e.add(new Endpoint(Service.BUDGET, "PUT", "/api/budget" + UY + "/budget", "system", budget));
        e.add(new Endpoint(Service.BUDGET, "POST", "/api/budget/budgets/batch", "system", batch("budget", budget)));
        e.add(new Endpoint(Service.ASSESSMENT, "PUT", "/api/assessment" + UY + "/evaluation", "system",
                Files.readString(fixture.resolve("evaluation.json"))));
        e.add(new Endpoint(Service.REPORT, "PUT", "/api/reports" + UY + "/narratives", "system",
                Files.readString(fixture.resolve("narratives.json"))));
        e.add(new Endpoint(Service.REPORT, "PUT", "/api/reports" + UY + "/findings/BUD-REVENUE-IDENTITY/explanation",
                "system", "{\"explanation\":\"已说明\"}"));
        // an indicator framework, as JSON (the endpoint reads YAML, of which JSON is a part)
        JsonNode framework = JSON.readTree(new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(
                io.jixiao.local.infra.WorkDirs.root().resolve(
                        "assessment-service/src/main/resources/frameworks/mof-2013-common.yaml").toFile()).toString());
        e.add(new Endpoint(Service.ASSESSMENT, "PUT", "/api/assessment/frameworks", "admin", framework.toString()));
        e.add(new Endpoint(Service.REPORT, "POST", "/api/reports" + UY + "/accept", "finance",
                "{\"comment\":\"同意\"}"));
        e.add(new Endpoint(Service.REPORT, "POST", "/api/reports" + UY + "/return", "finance",
                "{\"comment\":\"请补充\"}"));
        e.add(new Endpoint(Service.REPORT, "PUT", "/api/reports" + UY + "/approval", "finance",
                "{\"approvalDate\":\"2025-06-30\"}"));
        e.add(new Endpoint(Service.REPORT, "POST", "/api/reports" + UY + "/publish", "finance",
                "{\"approvalDate\":\"2025-06-30\"}"));
        return e;
    }

    /** What a malformed request would have changed. */
    private static Map<String, String> snapshot() throws Exception {
        return Http.readAll(platform.gatewayUrl(), token("admin"), List.of("/api/personnel/units/" + UNIT,
                "/api/personnel/reference/staff-categories", "/api/personnel/reference/movement-kinds",
                "/api/personnel" + UY + "/staff/history", "/api/personnel" + UY + "/assets/history",
                "/api/budget" + UY + "/budget/history", "/api/assessment" + UY + "/evaluation",
                "/api/assessment/frameworks", "/api/reports" + UY + "/narratives/history",
                "/api/reports" + UY + "/findings", "/api/reports" + UY + "/status", "/api/reports" + UY + "/log"));
    }

    // ------------------------------------------------------------------------------------------ the generator

    /** One malformed request: what kind of bad, the path it goes to and its bytes. */
    record Malformed(String kind, String path, byte[] body) {
    }

    static Malformed malform(Endpoint endpoint, JsonNode valid, int i, Random random) throws Exception {
        String path = endpoint.path();
        JsonNode tree = valid.deepCopy();
        List<Leaf> leaves = leaves(tree);
        Leaf leaf = leaves.get(random.nextInt(leaves.size()));
        List<Leaf> numbers = leaves.stream().filter(l -> l.value().isNumber()).toList();
        List<Leaf> texts = leaves.stream().filter(l -> l.value().isTextual()).toList();
        Leaf number = numbers.isEmpty() ? leaf : numbers.get(random.nextInt(numbers.size()));
        Leaf text = texts.isEmpty() ? leaf : texts.get(random.nextInt(texts.size()));
        switch (i % 14) {
            case 0 -> {
                JsonNode[] others = {JsonNodeFactory.instance.textNode("abc"), JsonNodeFactory.instance.booleanNode(true),
                        JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
                        JsonNodeFactory.instance.numberNode(12345)};
                JsonNode other;
                do {
                    other = others[random.nextInt(others.length)];
                } while (other.getNodeType() == leaf.value().getNodeType());
                leaf.set(other);
                return json("wrong type at " + leaf.name(), path, tree);
            }
            case 1 -> {
                String[] huge = {"1e400", "123456789012345678901234567890.12", "-1e308", "9".repeat(400)};
                return raw("huge number at " + number.name(), path, replaceLeaf(tree, number, huge[random.nextInt(4)]));
            }
            case 2 -> {
                String[] bad = {"-0.01", "-0.001", "1.234", "0.001", "-100000000.00"};
                return raw("negative or over-precise amount at " + number.name(), path,
                        replaceLeaf(tree, number, bad[random.nextInt(bad.length)]));
            }
            case 3 -> {
                // quoted, these are fine text: only where a number belongs are they malformed
                String[] nan = numbers.isEmpty() ? new String[] {"NaN", "Infinity", "-Infinity", "1/0"}
                        : new String[] {"NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "1/0"};
                return raw("NaN-like at " + number.name(), path, replaceLeaf(tree, number, nan[random.nextInt(nan.length)]));
            }
            case 4 -> {
                String whole = JSON.writeValueAsString(tree);
                return new Malformed("truncated", path, whole.substring(0, random.nextInt(Math.max(1, whole.length() - 1)))
                        .getBytes(StandardCharsets.UTF_8));
            }
            case 5 -> {
                int depth = 2_000 + random.nextInt(20_000);
                return raw("nested " + depth + " deep at " + leaf.name(), path,
                        replaceLeaf(tree, leaf, "[".repeat(depth) + "1" + "]".repeat(depth)));
            }
            case 6 -> {
                byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
                return bytesInText("invalid UTF-8 in " + text.name(), path, tree, text, invalid[random.nextInt(4)]);
            }
            case 7 -> {
                return bytesInText("raw control character in " + text.name(), path, tree, text,
                        new byte[] {(byte) (1 + random.nextInt(8))});
            }
            case 8 -> {
                String[] escaped = {"\u0000", "\u0007", "\u001b[31m", "\u0008"};
                text.set(JsonNodeFactory.instance.textNode(text.value().asText() + escaped[random.nextInt(escaped.length)]));
                return json("escaped control character in " + text.name(), path, tree);
            }
            case 9 -> {
                ObjectNode target = leaf.parent() instanceof ObjectNode o ? o : (ObjectNode) tree;
                target.put("unexpected" + random.nextInt(1000), "x");
                return json("unknown field", path, tree);
            }
            case 10 -> {
                String[] injections = {"XZ-WXB' OR '1'='1", "XZ-WXB; drop table budget;--", "<script>alert(1)</script>",
                        "../../etc/passwd", "XZ-WXB%00", "${jndi:ldap://x}"};
                String bad = java.net.URLEncoder.encode(injections[random.nextInt(injections.length)],
                        StandardCharsets.UTF_8).replace("+", "%20");
                if (path.contains("/batch")) {
                    ((ObjectNode) tree.get("items").get(0)).put("unitCode", injections[random.nextInt(injections.length)]);
                    return json("injection as unit code", path, tree);
                }
                if (!path.contains("/" + UNIT)) {
                    // a reference code in the path
                    return json("injection as code", path.substring(0, path.lastIndexOf('/') + 1) + bad, tree);
                }
                return json("injection as unit code", path.replace("/" + UNIT, "/" + bad), tree);
            }
            case 11 -> {
                if (path.contains("/batch") && "system".equals(endpoint.as())) {
                    ((ObjectNode) tree.get("items").get(0)).put("unitCode", "XZ-TJJ");
                    return json("another unit in a batch", path, tree);
                }
                if (path.contains("/" + UNIT) && "system".equals(endpoint.as())) {
                    return json("another unit", path.replace("/" + UNIT, "/XZ-TJJ"), tree);
                }
                String[] shapes = {"[]", "\"text\"", "null", "42", "{}", "true"};
                return new Malformed("wrong shape", path, shapes[random.nextInt(shapes.length)]
                        .getBytes(StandardCharsets.UTF_8));
            }
            case 12 -> {
                if (i % 140 == 12) {
                    // oversize: a 3 MB text (the services take 2 MB at most)
                    text.set(JsonNodeFactory.instance.textNode("长".repeat(1_000_000)));
                    return json("oversize body", path, tree);
                }
                // over the longest text any field takes (10,000 characters), by up to as much again
                text.set(JsonNodeFactory.instance.textNode("x".repeat(10_001 + random.nextInt(10_000))));
                return json("overlong text at " + text.name(), path, tree);
            }
            default -> {
                String[] years = {"/years/0", "/years/-2024", "/years/99999", "/years/2024.5", "/years/abc",
                        "/years/20240000000"};
                if (path.contains("/years/2024")) {
                    return json("impossible year", path.replace("/years/2024", years[random.nextInt(years.length)]), tree);
                }
                ObjectNode target = tree instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
                Iterator<String> names = target.fieldNames();
                if (names.hasNext()) {
                    target.putNull(names.next());
                }
                return json("a required member null", path, target);
            }
        }
    }

    /** A leaf value in a tree, with the means to replace it. */
    record Leaf(String name, JsonNode value, JsonNode parent, String field, int index) {

        void set(JsonNode node) {
            if (parent instanceof ObjectNode o) {
                o.set(field, node);
            } else {
                ((ArrayNode) parent).set(index, node);
            }
        }
    }

    private static List<Leaf> leaves(JsonNode tree) {
        List<Leaf> out = new ArrayList<>();
        collect("", tree, out);
        // a null member says nothing of its type: replacing it proves nothing
        out.removeIf(l -> l.value().isNull());
        return out;
    }

    private static void collect(String name, JsonNode node, List<Leaf> out) {
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isContainerNode()) {
                    collect(name + "." + e.getKey(), e.getValue(), out);
                } else {
                    out.add(new Leaf(name + "." + e.getKey(), e.getValue(), o, e.getKey(), -1));
                }
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isContainerNode()) {
                    collect(name + "[" + i + "]", a.get(i), out);
                } else {
                    out.add(new Leaf(name + "[" + i + "]", a.get(i), a, null, i));
                }
            }
        }
    }

    /** The document with one leaf replaced by raw JSON text (which may itself be malformed). */
    private static String replaceLeaf(JsonNode tree, Leaf leaf, String rawValue) throws Exception {
        String marker = "\"__MALFORMED_" + System.identityHashCode(leaf) + "__\"";
        leaf.set(JsonNodeFactory.instance.textNode(marker.substring(1, marker.length() - 1)));
        return JSON.writeValueAsString(tree).replace(marker, rawValue);
    }

    private static Malformed bytesInText(String kind, String path, JsonNode tree, Leaf text, byte[] bytes)
            throws Exception {
        String marker = "__BYTES__";
        text.set(JsonNodeFactory.instance.textNode(text.value().asText() + marker));
        String whole = JSON.writeValueAsString(tree);
        int at = whole.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(whole.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.write(bytes);
        out.write(whole.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return new Malformed(kind, path, out.toByteArray());
    }

    private static Malformed json(String kind, String path, JsonNode tree) throws Exception {
        return new Malformed(kind, path, JSON.writeValueAsBytes(tree));
    }

    private static Malformed raw(String kind, String path, String body) {
        return new Malformed(kind, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(Endpoint endpoint, Malformed m) throws Exception {
        return Http.sendRaw(endpoint.method(), platform.url(endpoint.service()) + m.path(), token(endpoint.as()),
                "application/json", m.body());
    }

    private static String batch(String field, String document) throws Exception {
        ObjectNode item = JSON.createObjectNode().put("unitCode", UNIT).put("fiscalYear", 2024);
        item.set(field, JSON.readTree(document));
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("items").add(item);
        return batch.toString();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
