package io.jixiao.commons.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jixiao.commons.migration.RenumberedMigrations.Resolved;
import java.io.Reader;
import java.io.StringReader;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

/** The service's migrations by name, as a running service finds them: through Quarkus's resource provider. */
class RenumberedMigrationsTest {

    /** As Quarkus's provider answers Flyway: the recorded files whose name starts with the prefix and ends so. */
    private static ResourceProvider recorded(String... files) {
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                return null;
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
                return Stream.of(files).filter(f -> f.startsWith(prefix) && Stream.of(suffixes).anyMatch(f::endsWith))
                        .map(RenumberedMigrationsTest::resource).toList();
            }
        };
    }

    private static LoadableResource resource(String file) {
        return new LoadableResource() {
            @Override
            public Reader read() {
                return new StringReader("");
            }

            @Override
            public String getAbsolutePath() {
                return "db/migration/" + file;
            }

            @Override
            public String getAbsolutePathOnDisk() {
                return null;
            }

            @Override
            public String getFilename() {
                return file;
            }

            @Override
            public String getRelativePath() {
                return "db/migration/" + file;
            }
        };
    }

    @Test
    void versionsAreReadFromTheFilesTheServiceShips() {
        var conf = new FluentConfiguration().resourceProvider(recorded("V1__commons.sql", "V6__units.sql",
                "V0_7__older.sql", "R__view.sql", "README.txt"));
        assertEquals(Map.of("commons.sql", new Resolved("1", "db/migration/V1__commons.sql"),
                "units.sql", new Resolved("6", "db/migration/V6__units.sql"),
                "older.sql", new Resolved("0.7", "db/migration/V0_7__older.sql")),
                RenumberedMigrations.versionsByName(conf));
    }

    @Test
    void twoScriptsOfOneNameCannotBeToldApart() {
        var conf = new FluentConfiguration().resourceProvider(recorded("V1__commons.sql", "V2__commons.sql"));
        assertThrows(FlywayException.class, () -> RenumberedMigrations.versionsByName(conf));
    }

    @Test
    void withoutAProviderTheLocationsOnTheClassPathAreListed() {
        var conf = new FluentConfiguration().locations("classpath:io/jixiao/commons/migration/sequence");
        assertEquals(List.of(new Resolved("1", "V1__first.sql"), new Resolved("2", "V2__second.sql")),
                RenumberedMigrations.versionsByName(conf).values().stream()
                        .sorted(java.util.Comparator.comparing(Resolved::version)).toList());
    }
}
