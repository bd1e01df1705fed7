package io.jixiao.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run keeps its data safely (issue 11): its PostgreSQL, started with {@link Platform.Config#local()}'s
 * settings, flushes every commit before acknowledging it, whatever zonky's defaults say; throw-away test servers
 * stay fast. Real servers on temporary directories and free ports (a few seconds each).
 */
@Tag("integration") // starts real PostgreSQL servers: the integration tier
class PostgresDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void theLocalRunsServerIsDurable() {
        Platform.Config local = Platform.Config.local();
        try (Postgres pg = Postgres.start(dir.resolve("postgres"), Ports.free(), local.persistent(),
                local.postgresDurability())) {
            assertEquals("on", pg.setting("fsync"), "zonky's -F is overridden");
            assertEquals("on", pg.setting("synchronous_commit"), "zonky's default is overridden");
            assertEquals("on", pg.setting("full_page_writes"));
        }
    }

    @Test
    void aThrowAwayServerForTestsIsFast() {
        Platform.Config ephemeral = Platform.Config.ephemeral(dir);
        try (Postgres pg = Postgres.start(dir.resolve("postgres"), Ports.free(), ephemeral.persistent(),
                ephemeral.postgresDurability())) {
            assertEquals("off", pg.setting("fsync"));
            assertEquals("off", pg.setting("synchronous_commit"));
        }
    }

    @Test
    void aCrashedServerStartsAgainOnItsDataWithItsSettingsAndEveryCommit() throws Exception {
        Platform.Config local = Platform.Config.local();
        try (Postgres pg = Postgres.start(dir.resolve("postgres"), Ports.free(), local.persistent(),
                local.postgresDurability())) {
            pg.ensureDatabase("crash");
            try (Connection c = connect(pg); Statement s = c.createStatement()) {
                s.execute("create table acknowledged (n integer primary key)");
                for (int n = 1; n <= 100; n++) {
                    s.execute("insert into acknowledged values (" + n + ")"); // each its own commit
                }
            }
            String postmaster = Files.readAllLines(pg.dataDir().resolve("postmaster.pid")).get(0);

            pg.crash();
            pg.startAfterCrash();

            assertNotEquals(postmaster, Files.readAllLines(pg.dataDir().resolve("postmaster.pid")).get(0),
                    "a new postmaster");
            try (Connection c = connect(pg); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*), max(n) from acknowledged")) {
                rs.next();
                assertEquals(100, rs.getInt(1));
                assertEquals(100, rs.getInt(2));
            }
            assertEquals("on", pg.setting("fsync"), "started again with the same options");
            assertEquals("on", pg.setting("synchronous_commit"));
            assertEquals("on", pg.setting("full_page_writes"));
        }
    }

    private static Connection connect(Postgres pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl("crash"), Postgres.USER, Postgres.PASSWORD);
    }
}
