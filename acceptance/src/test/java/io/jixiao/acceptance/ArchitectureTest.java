package io.jixiao.acceptance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codebase's shape, over every module's compiled main classes (built before this module): no module has a cycle
 * between its packages, so each package can be read, tested and changed on its own; and each service's schema is one
 * sequence of migrations of its own.
 */
class ArchitectureTest {

    private static final Pattern VERSIONED = Pattern.compile("V([1-9][0-9]*)__[a-z0-9_]+\\.sql");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "events, io.jixiao.events",
        "commons-web, io.jixiao.commons",
        "commons-messaging, io.jixiao.commons",
        "commons-documents, io.jixiao.commons",
        "commons-workbook, io.jixiao.commons",
        "service-commons, io.jixiao.commons",
        "deploy/local, io.jixiao.local",
        "personnel-service, io.jixiao.personnel",
        "budget-service, io.jixiao.budget",
        "assessment-service, io.jixiao.assessment",
        "report-service, io.jixiao.report",
        "gateway, io.jixiao.gateway"})
    void noModuleHasAPackageCycle(String module, String basePackage) {
        Path classes = WorkDirs.root().resolve(module).resolve("target/classes");
        assertTrue(Files.isDirectory(classes), classes + " is built before the acceptance module");
        JavaClasses imported = new ClassFileImporter().importPath(classes);
        assertTrue(imported.stream().allMatch(c -> c.getPackageName().startsWith(basePackage)),
                module + " holds " + basePackage + " only");
        // each package of the module a slice of its own (io.jixiao.report.service, io.jixiao.report.writing, …)
        slices().matching("io.jixiao.(**)").should().beFreeOfCycles().check(imported);
    }

    /**
     * Resources are thin: a REST resource reads the request, checks the caller and calls a service, which holds the
     * transaction and the persistence. No resource opens a transaction or touches JPA, Panache or SQL itself.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"budget-service", "personnel-service", "assessment-service", "report-service",
        "commons-documents", "service-commons"})
    void resourcesHoldNoTransactionOrPersistence(String module) {
        JavaClasses imported = new ClassFileImporter().importPath(WorkDirs.root().resolve(module)
                .resolve("target/classes"));
        noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.transaction..", "jakarta.persistence..",
                        "io.quarkus.hibernate.orm..", "io.quarkus.narayana..", "java.sql..")
                .check(imported);
    }

    /**
     * Each service owns its schema in one sequence, V1, V2, … without a gap, so Flyway never needs out-of-order
     * migrations: the tables the commons use are created by the service's own scripts, and no other module ships any.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"budget-service", "personnel-service", "assessment-service", "report-service"})
    void eachServiceOwnsItsMigrationsInOneSequence(String module) throws IOException {
        Path db = WorkDirs.root().resolve(module).resolve("src/main/resources/db");
        try (Stream<Path> locations = Files.list(db)) {
            assertEquals(List.of("migration"), locations.map(p -> p.getFileName().toString()).toList());
        }
        List<Integer> versions;
        try (Stream<Path> scripts = Files.list(db.resolve("migration"))) {
            versions = scripts.map(p -> p.getFileName().toString()).map(name -> {
                Matcher m = VERSIONED.matcher(name);
                assertTrue(m.matches(), module + ": " + name + " is not V<n>__<name>.sql");
                return Integer.parseInt(m.group(1));
            }).sorted().toList();
        }
        assertEquals(IntStream.rangeClosed(1, versions.size()).boxed().toList(), versions,
                module + "'s migrations are V1 … V" + versions.size() + ", each once");
    }

    @Test
    void noOtherModuleShipsMigrations() throws IOException {
        try (Stream<Path> modules = Stream.concat(Files.list(WorkDirs.root()), Files.list(WorkDirs.root()
                .resolve("deploy")))) {
            List<String> others = modules.filter(m -> Files.isDirectory(m.resolve("src/main/resources/db")))
                    .map(m -> m.getFileName().toString())
                    .filter(m -> !m.endsWith("-service")).toList();
            assertEquals(List.of(), others);
        }
    }
}
