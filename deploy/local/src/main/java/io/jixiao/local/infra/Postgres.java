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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        pgCtl("restart", List.of("-m", "fast", "restart"));
    }

    /**
     * Kills the server as a crash would: SIGKILL to the postmaster and to every process it started, so none of
     * them writes anything more; returns once all are gone. What the server had handed to the operating system
     * survives a process kill (a machine crash would lose it too unless fsynced), so this shows what a server that
     * acknowledges commits before writing their WAL ({@code synchronous_commit=off}) loses. For durability tests;
     * {@link #startAfterCrash()} starts it again.
     */
    public void crash() {
        long pid;
        try {
            // the first line of postmaster.pid; zonky runs it through unshare -U, which keeps the pid namespace
            pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("no running server in " + dataDir, e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("the postmaster " + pid + " is not running"));
        // listed before the kill: once the postmaster is gone its children are no longer its descendants
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(postmaster);
        processes.addAll(postmaster.descendants().toList());
        processes.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle process : processes) {
            while (running(process)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL process " + process.pid() + " outlived SIGKILL");
                }
                ManagedProcess.sleep(10);
            }
        }
    }

    /** Alive, and not merely a zombie: killed, but not reaped yet by its parent (init, once the postmaster is gone). */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return true; // no procfs: isAlive is all there is to know
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false; // gone between the two looks
        }
    }

    /**
     * Starts the server again after {@link #crash()}, on the same data directory and port with the same options
     * (those it recorded in {@code postmaster.opts}); it replays its WAL before it accepts connections.
     */
    public void startAfterCrash() {
        Ports.requireFree(port, "PostgreSQL");
        try {
            // Every process of the crashed server is gone, so its lock files are stale. The server would find that
            // out itself, but not while an unreaped zombie still holds the old postmaster's pid.
            Path pidFile = dataDir.resolve("postmaster.pid");
            List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
            if (lines.size() > 4 && !lines.get(4).isBlank()) {
                // line 5: the directory of the server's Unix socket, locked by .s.PGSQL.<port>.lock
                Files.deleteIfExists(Path.of(lines.get(4).trim(), ".s.PGSQL." + port + ".lock"));
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pgCtl("start", List.of("-o", postmasterOptions(), "start"));
    }

    /** Runs pg_ctl on this data directory and waits for it, its output in {@code pg_ctl-<name>.log} beside it. */
    private void pgCtl(String name, List<String> arguments) {
        Path log = dataDir.resolveSibling("pg_ctl-" + name + ".log");
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; zonky starts it the same way
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary().resolveSibling("pg_ctl").toString(), "-D", dataDir.toString(),
                "-w", "-t", "60"));
        command.addAll(arguments);
        try {
            // the server started by pg_ctl keeps writing its own log there too
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + name + " failed: see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code postmaster.opts} holds the server's command line: the postgres binary, then its options. */
    private String postmasterCommandLine() {
        try {
            return Files.readString(dataDir.resolve("postmaster.opts")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("the server in " + dataDir + " never started", e);
        }
    }

    private Path postgresBinary() {
        String line = postmasterCommandLine();
        return Path.of(line.startsWith("\"") ? line.substring(1, line.indexOf('"', 1)) : line.split("\\s+")[0]);
    }

    /** The server's options but the data directory, which pg_ctl gives it anyway. */
    private String postmasterOptions() {
        String line = postmasterCommandLine();
        int end = line.startsWith("\"") ? line.indexOf('"', 1) + 1 : line.indexOf(' ');
        return end <= 0 ? "" : line.substring(end).replaceAll("\"-D\"\\s+\"[^\"]*\"", "").trim();
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
