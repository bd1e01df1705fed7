package io.jixiao.acceptance;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jixiao.local.infra.WorkDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The codebase's shape, over every module's compiled main classes (built before this module): no module has a cycle
 * between its packages, so each package can be read, tested and changed on its own.
 */
class ArchitectureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "events, io.jixiao.events",
        "commons-web, io.jixiao.commons",
        "commons-messaging, io.jixiao.commons",
        "commons-documents, io.jixiao.commons",
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
}
