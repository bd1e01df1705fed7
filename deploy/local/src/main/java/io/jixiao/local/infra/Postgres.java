package io.jixiao.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server from zonky's embedded binaries (no Docker, no system PostgreSQL; as root it runs
 * through {@code unshare -U}). One server, one database per service, all owned by the {@code jixiao} role.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "jixiao";
    public static final String PASSWORD = "jixiao";

    /** The settings that decide whether an acknowledged commit survives a crash. */
    private static final List<String> DURABILITY_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    /**
     * What a commit's acknowledgement promises. zonky starts every server with {@code -F} (fsync off) and puts
     * {@code synchronous_commit=off} into its default configuration: fast, but a crash loses commits that were
     * already acknowledged. The settings here are given as {@code -c} options, which the postmaster reads after
     * {@code -F}, so they decide (checked with {@code SHOW fsync}).
     */
    public enum Durability {
        /**
         * A commit is acknowledged once its WAL is on disk, and a page torn by a crash is repaired from the WAL:
         * {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on. For data that is kept.
         */
        DURABLE("on"),
        /**
         * For throw-away test data: nothing is flushed to disk and a commit is acknowledged before its WAL is
         * written, so a crash may lose the last commits. Faster: no commit waits for the disk.
         */
        FAST("off");

        private final String value;

        Durability(String value) {
            this.value = value;
        }
    }

    private final EmbeddedPostgres server;
    private final Path dataDir;
    private final int port;
    private final boolean persistent;
    private final Durability durability;

    private Postgres(EmbeddedPostgres server, Path dataDir, int port, boolean persistent, Durability durability) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.persistent = persistent;
        this.durability = durability;
    }

    /**
     * Starts PostgreSQL on {@code port}. With {@code persistent}, the data directory survives stops and a later
     * start reuses it; otherwise it is created afresh and deleted on {@link #close()}. {@code durability} decides
     * whether what the server acknowledged survives a crash (the local run keeps its data and is durable; tests
     * throw theirs away and are fast).
     */
    public static Postgres start(Path dataDir, int port, boolean persistent, Durability durability) {
        Ports.requireFree(port, "PostgreSQL");
        try {
            Files.createDirectories(dataDir);
            // a server killed earlier leaves its pid file behind; nothing listens, so it is stale
            Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
            Path binaries = WorkDirs.work().resolve("postgres-bin");
            Files.createDirectories(binaries);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!persistent)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setRegisterShutdownHook(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "localhost");
            for (String setting : DURABILITY_SETTINGS) {
                builder.setServerConfig(setting, durability.value);
            }
            Postgres pg = new Postgres(builder.start(), dataDir, port, persistent, durability);
            pg.ensureRole();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    /** Creates the database if it does not exist yet, owned by {@value #USER}. */
    public Postgres ensureDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute("create database " + name + " owner " + USER + " encoding 'UTF8'");
                    }
                }
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
    }

    private void ensureRole() {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("create role " + USER + " login password '" + PASSWORD + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create role " + USER, e);
        }
    }

    /** A setting as the running server applies it ({@code SHOW name}), e.g. {@code fsync}: {@code on}. */
    public String setting(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("setting name " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read setting " + name, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean persistent() {
        return persistent;
    }

    public Durability durability() {
        return durability;
    }

    /**
     * Restarts the server in place (same data, port and settings), as an operator's {@code pg_ctl restart} would:
     * every open connection is cut. For fault tests: services must recover without a restart of their own.
     */
    public void restart() {
        try {
            // postmaster.opts holds the command line the server runs with; pg_ctl sits beside the postgres binary
            String opts = Files.readString(dataDir.resolve("postmaster.opts")).trim();
            String postgres = opts.startsWith("\"") ? opts.substring(1, opts.indexOf('"', 1)) : opts.split("\\s+")[0];
            Path pgCtl = Path.of(postgres).resolveSibling("pg_ctl");
            java.util.List<String> command = new java.util.ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; zonky starts it the same way
                command.addAll(java.util.List.of("unshare", "-U"));
            }
            command.addAll(java.util.List.of(pgCtl.toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60",
                    "restart"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dataDir.resolveSibling("pg_ctl-restart.log").toFile()).start();
            if (!process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl restart failed: see "
                        + dataDir.resolveSibling("pg_ctl-restart.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
