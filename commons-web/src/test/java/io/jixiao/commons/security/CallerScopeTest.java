package io.jixiao.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerScopeTest {

    /** Regions as a register would answer, counting how often it is asked. */
    static final class Register implements UnitRegions {
        final List<Collection<String>> asked = new ArrayList<>();

        @Override
        public Map<String, String> regionsOf(Collection<String> unitCodes) {
            asked.add(List.copyOf(unitCodes));
            Map<String, String> known = Map.of("XZ-WXB", "西藏自治区", "XZ-TJJ", "西藏自治区", "SC-DY-WGLJ", "四川省");
            Map<String, String> answer = new HashMap<>();
            unitCodes.stream().filter(known::containsKey).forEach(u -> answer.put(u, known.get(u)));
            return answer;
        }
    }

    @Test
    void aUnitsOwnTokenCoversItsUnitOnly() {
        CallerScope scope = CallerScope.of(Map.<String, Object>of("unit_code", "\"XZ-WXB\"")::get);
        Register register = new Register();
        assertEquals(Set.of(), scope.uncovered(List.of("XZ-WXB"), register));
        assertEquals(Set.of("XZ-TJJ"), scope.uncovered(List.of("XZ-WXB", "XZ-TJJ"), register));
        assertFalse(scope.isFeeder());
        assertTrue(register.asked.isEmpty(), "a token without a region never asks for regions");
    }

    @Test
    void aListFeederCoversExactlyItsList() {
        CallerScope scope = CallerScope.of(Map.<String, Object>of("unit_codes",
                Json.createArrayBuilder().add("XZ-WXB").add("XZ-TJJ").build())::get);
        assertTrue(scope.isFeeder());
        assertEquals(Set.of(), scope.uncovered(List.of("XZ-TJJ", "XZ-WXB"), new Register()));
        assertEquals(Set.of("XZ-KJT"), scope.uncovered(List.of("XZ-WXB", "XZ-KJT"), new Register()));
    }

    @Test
    void aRegionFeederCoversTheKnownUnitsOfItsRegionAskingOnceForAWholeBatch() {
        CallerScope scope = CallerScope.of(Map.<String, Object>of("unit_region", "西藏自治区")::get);
        Register register = new Register();
        assertEquals(Set.of("SC-DY-WGLJ", "XZ-NOSUCH"),
                scope.uncovered(List.of("XZ-WXB", "SC-DY-WGLJ", "XZ-TJJ", "XZ-NOSUCH"), register));
        assertEquals(1, register.asked.size());
        // without a way to know regions, a region scope covers nothing (fails closed)
        assertEquals(Set.of("XZ-WXB"), scope.uncovered(List.of("XZ-WXB"), null));
    }

    @Test
    void aTokenWithoutAnyScopeClaimCoversNothing() {
        CallerScope scope = CallerScope.of(Map.<String, Object>of("unit_code", " ", "unit_region", "")::get);
        assertTrue(scope.isEmpty());
        assertEquals(Set.of("XZ-WXB"), scope.uncovered(List.of("XZ-WXB"), new Register()));
        assertEquals(CallerScope.NONE, CallerScope.of(name -> null));
    }

    @Test
    void claimsAsPlainJavaCollectionsAreReadToo() {
        CallerScope scope = CallerScope.of(Map.<String, Object>of("unit_code", "XZ-WXB", "unit_codes",
                Set.of("XZ-TJJ"))::get);
        assertEquals(Set.of("XZ-WXB", "XZ-TJJ"), scope.units());
    }
}
