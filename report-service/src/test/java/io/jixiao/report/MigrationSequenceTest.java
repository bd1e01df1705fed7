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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
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

    /** Migrations that are new since the earlier numbering. */
    private static final List<String> TODAY_ONLY = List.of("V8__documents.sql",
            "V9__document_history_subject_append_only.sql", "V10__narratives_as_documents.sql",
            "V11__workbook_origin.sql", "V12__report_listings.sql", "V13__pooled_ids.sql", "V14__pending_work.sql");

    /** Where each of today's migrations that existed then was under the earlier numbering. */
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
        String db = "report_earlier_numbering";
        execute(postgres, db, "insert into narrative (unit_code, fiscal_year, version, body, updated_at, updated_by,"
                + " source) values ('XZ-WXB', 2024, 2, '{\"annualGoals\": \"b\", \"problems\": [\"x\"]}', now(),"
                + " 'reporter', 'portal')");
        execute(postgres, db, "insert into narrative_history (unit_code, fiscal_year, version, body, changed_at,"
                + " changed_by, source) values ('XZ-WXB', 2024, 1, '{\"annualGoals\": \"a\", \"problems\": null}',"
                + " now(), 'reporter', 'portal'), ('XZ-WXB', 2024, 2, '{\"annualGoals\": \"b\", \"problems\":"
                + " [\"x\"]}', now(), 'reporter', 'portal')");

        Flyway now = today(postgres, db);
        MigrateResult result = now.migrate();

        assertEquals(TODAY_ONLY.size(), result.migrationsExecuted, "only what is new runs: " + TODAY_ONLY);
        assertEquals(IntStream.rangeClosed(1, EARLIER.size() + TODAY_ONLY.size()).mapToObj(Integer::toString).toList(),
                Arrays.stream(now.info().applied()).map(m -> m.getVersion().getVersion())
                        .sorted(Comparator.comparingInt(Integer::parseInt)).toList());
        assertEquals("V4__read_model.sql", Arrays.stream(now.info().applied())
                .filter(m -> m.getVersion().getVersion().equals("4")).findFirst().orElseThrow().getScript());
        now.validate();
        // the narratives, now documents of the store, with each version's changed sections
        assertEquals("2 portal", text(postgres, db, "select version || ' ' || source from unit_year_document"
                + " where kind = 'narratives' and unit_code = 'XZ-WXB' and fiscal_year = 2024"));
        assertEquals("[\"annualGoals\"]", text(postgres, db, "select jsonb_path_query_array(changes, '$[*].path')"
                + " from unit_year_document_history where kind = 'narratives' and version = 1"));
        assertEquals("[\"problems\", \"annualGoals\"]", text(postgres, db, "select jsonb_path_query_array(changes,"
                + " '$[*].path') from unit_year_document_history where kind = 'narratives' and version = 2"));
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
        assertEquals(EARLIER.size() + TODAY_ONLY.size(), now.migrate().migrationsExecuted);
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
            Set<String> all = new HashSet<>(EARLIER.keySet());
            all.addAll(TODAY_ONLY);
            assertEquals(all, files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()),
                    "every migration of today had an earlier name or is new");
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

    private static String text(Postgres postgres, String database, String sql) {
        try (var c = DriverManager.getConnection(postgres.jdbcUrl(database), Postgres.USER, Postgres.PASSWORD);
                var s = c.createStatement(); var r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
