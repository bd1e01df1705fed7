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

/**
 * A real PostgreSQL server from zonky's embedded binaries (no Docker, no system PostgreSQL; as root it runs
 * through {@code unshare -U}). One server, one database per service, all owned by the {@code jixiao} role.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "jixiao";
    public static final String PASSWORD = "jixiao";

    private final EmbeddedPostgres server;
    private final Path dataDir;
    private final int port;
    private final boolean persistent;

    private Postgres(EmbeddedPostgres server, Path dataDir, int port, boolean persistent) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.persistent = persistent;
    }

    /**
     * Starts PostgreSQL on {@code port}. With {@code persistent}, the data directory survives stops and a later
     * start reuses it; otherwise it is throw-away and tuned for tests (no fsync).
     */
    public static Postgres start(Path dataDir, int port, boolean persistent) {
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
            if (!persistent) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            Postgres pg = new Postgres(builder.start(), dataDir, port, persistent);
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
