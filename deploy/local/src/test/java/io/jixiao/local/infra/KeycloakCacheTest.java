package io.jixiao.local.infra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build and the realm database a first Keycloak start made, handed to the next clone's home. */
class KeycloakCacheTest {

    @TempDir
    Path dir;

    @BeforeEach
    void ownCache() {
        System.setProperty("jixiao.cache.dir", dir.resolve("cache").toString());
    }

    @AfterEach
    void noCache() {
        System.clearProperty("jixiao.cache.dir");
    }

    @Test
    void aHomeBuiltOnceGivesItsBuildToTheNextHomeAndOnlyThen() throws IOException {
        Path first = home("first", "built");
        Path second = home("second", "as shipped");
        assertFalse(KeycloakCache.restoreBuild(first, "1.0"), "nothing kept yet: the first start builds");

        KeycloakCache.keepBuild(first, "1.0");
        assertTrue(KeycloakCache.restoreBuild(first, "1.0"), "the home that built is marked built");
        assertFalse(KeycloakCache.restoreBuild(home("other-version", "as shipped"), "2.0"), "kept per version");

        assertTrue(KeycloakCache.restoreBuild(second, "1.0"));
        for (String file : List.of("build-system.properties", "generated-bytecode.jar", "quarkus-application.dat")) {
            assertArrayEquals(Files.readAllBytes(first.resolve("lib/quarkus").resolve(file)),
                    Files.readAllBytes(second.resolve("lib/quarkus").resolve(file)), file);
        }
        // a home that built on its own keeps what the machine already has
        Path third = home("third", "built elsewhere");
        KeycloakCache.keepBuild(third, "1.0");
        Path fourth = home("fourth", "as shipped");
        KeycloakCache.restoreBuild(fourth, "1.0");
        assertEquals("built", Files.readString(fourth.resolve("lib/quarkus/generated-bytecode.jar")));
    }

    @Test
    void anIncompleteBuildIsIgnored() throws IOException {
        Path incomplete = dir.resolve("cache/keycloak-1.0-start-dev-build");
        Files.createDirectories(incomplete);
        Files.writeString(incomplete.resolve("generated-bytecode.jar"), "half");
        Path home = home("home", "as shipped");
        assertFalse(KeycloakCache.restoreBuild(home, "1.0"));
        assertEquals("as shipped", Files.readString(home.resolve("lib/quarkus/generated-bytecode.jar")));
    }

    @Test
    void theRealmDatabaseIsKeptPerRealmFile() throws IOException {
        String realm = "a".repeat(64);
        assertEquals(Optional.empty(), KeycloakCache.template("1.0", realm, "keycloakdb.mv.db"));
        Path made = Files.createDirectories(dir.resolve("made"));
        Files.writeString(made.resolve("keycloakdb.mv.db"), "realm imported");
        Files.createDirectories(made.resolve("transaction-logs"));
        KeycloakCache.keepTemplate(made, "1.0", realm);
        assertEquals("realm imported",
                Files.readString(KeycloakCache.template("1.0", realm, "keycloakdb.mv.db").orElseThrow()));
        assertEquals(Optional.empty(), KeycloakCache.template("1.0", "b".repeat(64), "keycloakdb.mv.db"));
        try (var left = Files.list(dir.resolve("cache"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".making-")), "no half entries");
        }
    }

    private Path home(String name, String build) throws IOException {
        Path quarkus = Files.createDirectories(dir.resolve(name).resolve("lib/quarkus"));
        Files.writeString(quarkus.resolve("build-system.properties"), "quarkus.version=3\n");
        Files.writeString(quarkus.resolve("generated-bytecode.jar"), build);
        Files.writeString(quarkus.resolve("quarkus-application.dat"), build + " application");
        return dir.resolve(name);
    }
}
