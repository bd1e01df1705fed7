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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run keeps its data safely (issue 11): its PostgreSQL, started with {@link Platform.Config#local()}'s
 * settings, flushes every commit before acknowledging it, whatever zonky's defaults say; throw-away test servers
 * stay fast. Real servers on temporary directories and free ports (a few seconds each).
 */
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

    private static Connection connect(Postgres pg) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl("crash"), Postgres.USER, Postgres.PASSWORD);
    }
}
