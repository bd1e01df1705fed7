package io.jixiao.commons.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The units a caller's token may act on (DESIGN §9, §10b): its own unit ({@code unit_code}, a unit's people and its
 * department system), an explicit list of units ({@code unit_codes}, a system serving several units) or every unit of
 * a region ({@code unit_region}, a provincial system such as the 预算管理一体化系统). A token may carry several; it
 * covers a unit if any of them does. A token with none covers nothing.
 *
 * @param units  the units named by {@code unit_code} and {@code unit_codes}
 * @param region the region named by {@code unit_region}, or null
 */
public record CallerScope(Set<String> units, String region) {

    public static final CallerScope NONE = new CallerScope(Set.of(), null);

    public CallerScope {
        units = Set.copyOf(units);
        region = region == null || region.isBlank() ? null : region.trim();
    }

    /** The scope of the claims of a token: {@code unit_code}, {@code unit_codes}, {@code unit_region}. */
    public static CallerScope of(Function<String, Object> claims) {
        Set<String> units = new LinkedHashSet<>();
        units.addAll(values(claims.apply(Roles.UNIT_CODE_CLAIM)));
        units.addAll(values(claims.apply(Roles.UNIT_CODES_CLAIM)));
        List<String> regions = values(claims.apply(Roles.UNIT_REGION_CLAIM));
        return new CallerScope(units, regions.isEmpty() ? null : regions.get(0));
    }

    /** Whether the token names any unit or region at all. */
    public boolean isEmpty() {
        return units.isEmpty() && region == null;
    }

    /** A feeder identity: more than its own one unit (a list or a region). */
    public boolean isFeeder() {
        return units.size() > 1 || region != null;
    }

    /**
     * The units of {@code unitCodes} this scope does not cover; the region is looked up only for units not named, all
     * at once.
     */
    public Set<String> uncovered(Collection<String> unitCodes, UnitRegions regions) {
        Set<String> left = new LinkedHashSet<>(unitCodes);
        left.removeAll(units);
        if (left.isEmpty() || region == null || regions == null) {
            return left;
        }
        Map<String, String> where = regions.regionsOf(left);
        left.removeIf(code -> region.equals(where.get(code)));
        return left;
    }

    /** The values of a claim that may be a string, a JSON string or a JSON array of strings. */
    static List<String> values(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> many) {
            return many.stream().map(CallerScope::text).filter(s -> !s.isEmpty()).distinct().toList();
        }
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(CallerScope::text).filter(s -> !s.isEmpty()).distinct().toList();
        }
        String one = text(claim);
        return one.isEmpty() ? List.of() : List.of(one);
    }

    private static String text(Object value) {
        if (value instanceof jakarta.json.JsonString s) {
            return s.getString().trim();
        }
        return value == null ? "" : value.toString().replace("\"", "").trim();
    }
}
