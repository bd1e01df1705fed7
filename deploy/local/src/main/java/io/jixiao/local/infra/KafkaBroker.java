package io.jixiao.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from Kafka's own
 * jars as a separate JVM: {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka server.properties}.
 * Being a process of its own, it can be stopped and restarted under running services.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final String VERSION = "4.1.2";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private final ManagedProcess process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, Path logFile) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
        Path home = WorkDirs.runtime("kafka-" + VERSION);
        List<String> command = new ArrayList<>(List.of(ManagedProcess.javaExecutable(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + home.resolve("config/log4j2.properties"),
                "-cp", home.resolve("libs") + "/*"));
        command.add("kafka.Kafka");
        command.add(dataDir.resolve("server.properties").toString());
        this.process = new ManagedProcess("kafka", command, Map.of(), dataDir, logFile);
    }

    /** Formats the storage on first use (kept when the data directory is kept), then starts and awaits the broker. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, Path logFile) {
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "Kafka controller");
        KafkaBroker broker = new KafkaBroker(dataDir, port, controllerPort, logFile);
        broker.writeConfig();
        broker.formatIfNeeded();
        broker.startProcess();
        return broker;
    }

    /** Starts the broker again on the same ports and data, e.g. after {@link #stop()} in a fault test. */
    public void startProcess() {
        process.start();
        process.awaitReady(this::answers, Duration.ofSeconds(90));
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    public void kill() {
        process.kill();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private void writeConfig() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("kraft-logs").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "10");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("log.retention.hours", "-1");
        try {
            Files.createDirectories(dataDir);
            try (var out = Files.newBufferedWriter(dataDir.resolve("server.properties"))) {
                p.store(out, "written by jixiao's local launcher");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void formatIfNeeded() {
        if (Files.exists(dataDir.resolve("kraft-logs").resolve("meta.properties"))) {
            return;
        }
        Path home = WorkDirs.runtime("kafka-" + VERSION);
        String clusterId = base64Uuid();
        ManagedProcess format = new ManagedProcess("kafka-format", List.of(ManagedProcess.javaExecutable(),
                "-XX:TieredStopAtLevel=1", "-Dlog4j2.configurationFile=" + home.resolve("config/log4j2.properties"),
                "-cp", home.resolve("libs") + "/*", "kafka.tools.StorageTool", "format",
                // one argument with "=": a base64 id may start with "-", which the tool would take for an option
                "--cluster-id=" + clusterId,
                "-c", dataDir.resolve("server.properties").toString()), Map.of(), dataDir, logFile);
        format.runToCompletion(Duration.ofSeconds(90));
    }

    private boolean answers() {
        if (!Ports.listening(port)) {
            return false;
        }
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(p)) {
            return !admin.describeCluster().nodes().get(4, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static String base64Uuid() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }
}
