package io.jixiao.personnel;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.local.infra.WorkDirs;
import io.jixiao.testing.TestInfrastructure;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the personnel tests share: tokens, the seed fixture, exact JSON, registered units. */
final class Api {

    /** Reads decimals exactly, as the services do, keeping their scale (253876000.00 stays so) also in trees. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private record Issued(String token, long at) {
    }

    private static final Map<String, Issued> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    /** {@code user:NAME}, {@code client:ID} or a bare user name; reused for a minute (tokens live five). */
    static String token(String principal) {
        return TOKENS.compute(principal, (p, held) -> held != null && System.nanoTime() - held.at() < 60_000_000_000L
                ? held
                : new Issued(TestInfrastructure.tokens().forPrincipal(p.contains(":") ? p : "user:" + p),
                        System.nanoTime())).token();
    }

    /** The seed department's fixture folder. */
    static Path fixtures() {
        return WorkDirs.root().resolve("deploy/fixtures/xz-wxb-2024");
    }

    static String fixture(String name) {
        try {
            return Files.readString(fixtures().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode fixtureTree(String name) {
        return (ObjectNode) tree(fixture(name));
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a unit (as the administrator) unless it is already registered. */
    static void ensureUnit(String unitCode) {
        int status = given().auth().oauth2(token("admin")).when().get("/api/personnel/units/" + unitCode)
                .then().extract().statusCode();
        if (status == 404) {
            given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                    .body("{\"name\":\"" + unitCode + "\"}")
                    .when().put("/api/personnel/units/" + unitCode).then().statusCode(200);
        }
    }

    static String staffPath(String unitCode, int year) {
        return "/api/personnel/units/" + unitCode + "/years/" + year + "/staff";
    }

    static String assetsPath(String unitCode, int year) {
        return "/api/personnel/units/" + unitCode + "/years/" + year + "/assets";
    }

    /** The seed's staff, as of the last day of another year (so tests do not touch the seed's 2024). */
    static ObjectNode seedStaff(int year) {
        ObjectNode staff = fixtureTree("staff.json");
        staff.put("asOf", year + "-12-31");
        return staff;
    }

    static ObjectNode seedAssets(int year) {
        ObjectNode assets = fixtureTree("assets.json");
        assets.put("asOf", year + "-12-31");
        return assets;
    }

    /**
     * Whether two JSON trees hold the same figures: same fields (an absent field equals null), same texts, numbers
     * equal by value ({@link BigDecimal#compareTo}).
     */
    static boolean sameFigures(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull && bNull;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!sameFigures(a.get(name), b.get(name))) {
                    return false;
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!a.has(name) && !sameFigures(null, b.get(name))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameFigures(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
