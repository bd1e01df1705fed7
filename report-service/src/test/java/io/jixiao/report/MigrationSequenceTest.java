package io.jixiao.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jixiao.commons.migration.RenumberedMigrations;
import io.jixiao.local.infra.Postgres;
import io.jixiao.testing.TestInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report-service's schema is one sequence of its own, and a database migrated under the earlier numbering (the
 * shared tables' V0_x scripts from service-commons beside the service's V1–V4, out of order) starts on it unchanged:
 * nothing is applied twice and nothing is lost.
 */
@Tag("integration")
class MigrationSequenceTest {

    /** Where each of today's migrations was under the earlier numbering. */
    private static final Map<String, String> EARLIER = Map.of(
            "V1__commons.sql", "V0_1__commons.sql",
            "V2__known_unit_snapshot.sql", "V0_3__known_unit_snapshot.sql",
            "V3__audit.sql", "V0_4__audit.sql",
            "V4__read_model.sql", "V1__read_model.sql",
            "V5__narratives.sql", "V2__narratives.sql",
            "V6__workflow.sql", "V3__workflow.sql",
            "V7__report_content.sql", "V4__report_content.sql");

    @Test
    void aDatabaseOnTheEarlierNumberingIsRenumberedNotMigratedAgain(@TempDir Path earlier) throws IOException {
        Postgres postgres = TestInfrastructure.postgres().ensureDatabase("report_earlier_numbering");
        earlierLayout(earlier);
        Flyway.configure().dataSource(postgres.jdbcUrl("report_earlier_numbering"), Postgres.USER, Postgres.PASSWORD)
                .locations("filesystem:" + earlier).outOfOrder(true).load().migrate();
        execute(postgres, "report_earlier_numbering", "insert into narrative (unit_code, fiscal_year, version, body,"
                + " updated_at, updated_by, source) values ('XZ-WXB', 2024, 1, '{}', now(), 'test', 'test')");

        Flyway now = today(postgres, "report_earlier_numbering");
        MigrateResult result = now.migrate();

        assertEquals(0, result.migrationsExecuted, "nothing applied again");
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), Arrays.stream(now.info().applied())
                .map(MigrationInfo::getVersion).map(Object::toString).sorted().toList());
        assertEquals("V4__read_model.sql", Arrays.stream(now.info().applied())
                .filter(m -> m.getVersion().getVersion().equals("4")).findFirst().orElseThrow().getScript());
        now.validate();
        assertEquals(1, count(postgres, "report_earlier_numbering", "narrative"), "the data is where it was");
    }

    @Test
    void withoutTheRenumberingFlywayWouldRefuseSuchADatabase(@TempDir Path earlier) throws IOException {
        Postgres postgres = TestInfrastructure.postgres().ensureDatabase("report_earlier_refused");
        earlierLayout(earlier);
        Flyway.configure().dataSource(postgres.jdbcUrl("report_earlier_refused"), Postgres.USER, Postgres.PASSWORD)
                .locations("filesystem:" + earlier).outOfOrder(true).load().migrate();
        Flyway plain = Flyway.configure().dataSource(postgres.jdbcUrl("report_earlier_refused"), Postgres.USER,
                Postgres.PASSWORD).load();
        assertThrows(FlywayValidateException.class, plain::migrate);
    }

    @Test
    void aNewDatabaseGetsTheSequenceAsItIs() {
        Postgres postgres = TestInfrastructure.postgres().ensureDatabase("report_new_sequence");
        Flyway now = today(postgres, "report_new_sequence");
        assertEquals(7, now.migrate().migrationsExecuted);
        assertEquals(0, now.migrate().migrationsExecuted);
    }

    private static Flyway today(Postgres postgres, String database) {
        return Flyway.configure().dataSource(postgres.jdbcUrl(database), Postgres.USER, Postgres.PASSWORD)
                .callbacks(new RenumberedMigrations()).load();
    }

    /** Today's scripts, byte for byte, under their earlier names. */
    private static void earlierLayout(Path dir) throws IOException {
        Path today = Path.of("src/main/resources/db/migration");
        try (var files = Files.list(today)) {
            assertEquals(EARLIER.keySet(), files.map(f -> f.getFileName().toString())
                    .collect(Collectors.toSet()), "every migration of today had an earlier name");
        }
        for (Map.Entry<String, String> e : EARLIER.entrySet()) {
            Files.copy(today.resolve(e.getKey()), dir.resolve(e.getValue()));
        }
    }

    private static void execute(Postgres postgres, String database, String sql) {
        try (var c = DriverManager.getConnection(postgres.jdbcUrl(database), Postgres.USER,
                Postgres.PASSWORD); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(Postgres postgres, String database, String table) {
        try (var c = DriverManager.getConnection(postgres.jdbcUrl(database), Postgres.USER, Postgres.PASSWORD);
                var s = c.createStatement(); var r = s.executeQuery("select count(*) from " + table)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
