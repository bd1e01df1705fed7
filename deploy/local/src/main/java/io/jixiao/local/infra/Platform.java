package io.jixiao.local.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The whole platform on one machine without Docker: PostgreSQL, Kafka and Keycloak, then the five services as
 * processes from their packaged jars ({@code <module>/target/quarkus-app/quarkus-run.jar}), each with its log in
 * one folder. Started in dependency order with health checks; stopped in reverse order.
 */
public final class Platform implements AutoCloseable {

    /**
     * Where and how the platform runs.
     *
     * @param dataDir            PostgreSQL, Kafka and Keycloak data
     * @param logDir             one log file per component
     * @param persistent         keep data between runs (the local run) or throw it away (tests)
     * @param postgresDurability whether what PostgreSQL acknowledged survives a crash (the local run) or the
     *                           server is tuned for speed (tests, whose data is thrown away anyway)
     */
    /**
     * How the services' JVMs run on one machine: the first JIT tier only and a small serial-collected heap. Both tiers
     * were tried (2026-12-02): the optimising compiler's own CPU and memory (RSS 640–690 MB per service with a JFR
     * recording on, against 310–350 without) cost more on two cores than its faster code won back, and the fault tests
     * took 40 s longer.
     */
    static final String SERVICE_JAVA_OPTS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    public record Config(Path dataDir, Path logDir, boolean persistent, Postgres.Durability postgresDurability,
            int postgresPort, int kafkaPort, int kafkaControllerPort, int keycloakPort,
            Map<Service, Integer> servicePorts, String serviceJavaOpts) {

        /**
         * The README's run: fixed ports (gateway 8080, Keycloak 8180), data kept in {@code .work/data}, and kept
         * safely: what PostgreSQL acknowledged survives a crash.
         */
        public static Config local() {
            Path work = WorkDirs.work();
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, s.defaultPort());
            }
            return new Config(work.resolve("data"), work.resolve("logs"), true, Postgres.Durability.DURABLE, 15432,
                    19092, 19093, 8180, ports, System.getenv().getOrDefault("JIXIAO_SERVICE_JAVA_OPTS",
                            SERVICE_JAVA_OPTS));
        }

        /**
         * As the README's run keeps data (durably, the same services' settings), but on free ports and in a throw-away
         * directory: the benchmark's platform.
         */
        public static Config throwAway(Path dir) {
            Config local = local();
            Config ports = ephemeral(dir);
            return new Config(ports.dataDir(), ports.logDir(), false, Postgres.Durability.DURABLE,
                    ports.postgresPort(), ports.kafkaPort(), ports.kafkaControllerPort(), ports.keycloakPort(),
                    ports.servicePorts(), local.serviceJavaOpts());
        }

        /** Free ports and a throw-away data directory, for tests running beside anything else. */
        public static Config ephemeral(Path dir) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                ports.put(s, Ports.free());
            }
            return new Config(dir.resolve("data"), dir.resolve("logs"), false, Postgres.Durability.FAST,
                    Ports.free(), Ports.free(), Ports.free(), Ports.free(), ports, SERVICE_JAVA_OPTS);
        }
    }

    /**
     * Variables a deployment may set beyond the contract, each with the service that reads it; unset, the service's
     * own default applies. The local run passes on those set in its own environment; compose and Kubernetes set none.
     * {@code JIXIAO_REPORT_PDF_FONT}: a TrueType font for the body text of PDF reports instead of the bundled one.
     */
    /**
     * Partitions of each topic ({@code JIXIAO_TOPICS_PARTITIONS}): the upper bound of a consumer's replicas that share
     * its work (the local run, the replica test and the benchmark run two of assessment and report; compose and
     * Kubernetes set the same, the KEDA scalers' maximum replica count follows it).
     */
    public static final int TOPIC_PARTITIONS = 6;

    public static final Map<String, Service> OPTIONAL = Map.of("JIXIAO_REPORT_PDF_FONT", Service.REPORT);

    private final Config config;
    private final Consumer<String> say;
    private Postgres postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    /** Where Keycloak comes from if not started here (null: started here). */
    private Supplier<KeycloakServer> keycloakSource;
    private final Map<Service, ManagedProcess> services = Collections.synchronizedMap(new EnumMap<>(Service.class));
    /** Further instances of a service beside the first, with their ports: they share its consumer groups. */
    private final Map<Service, List<Instance>> replicas = Collections.synchronizedMap(new EnumMap<>(Service.class));

    /** A further instance of a service: its process and HTTP port. */
    public record Instance(Service service, int number, int port, ManagedProcess process) {

        public String url() {
            return "http://localhost:" + port;
        }
    }

    private Platform(Config config, Consumer<String> say) {
        this.config = config;
        this.say = say;
    }

    /** Starts everything and returns once every service reports ready. */
    public static Platform start(Config config, Consumer<String> say) {
        return start(config, Map.of(), say);
    }

    /**
     * Starts everything, with {@code instances} of the services named there (one of the others), and returns once
     * every instance reports ready.
     */
    public static Platform start(Config config, Map<Service, Integer> instances, Consumer<String> say) {
        return start(config, instances, say, null);
    }

    /**
     * Starts everything as {@link #start(Config, Map, Consumer)} does, but takes its tokens from the Keycloak
     * {@code keycloak} supplies (one already running, with the project's realm) instead of starting one.
     */
    public static Platform start(Config config, Map<Service, Integer> instances, Consumer<String> say,
            Supplier<KeycloakServer> keycloak) {
        Platform platform = new Platform(config, say);
        platform.keycloakSource = keycloak;
        try {
            platform.startInfrastructure();
            platform.startServices();
            instances.forEach((service, n) -> {
                for (int i = 1; i < n; i++) {
                    platform.startInstance(service);
                }
            });
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startInfrastructure() {
        Path root = WorkDirs.root();
        for (Service s : Service.values()) {
            Path jar = jar(root, s);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
            }
        }
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<KeycloakServer> keycloakStart;
        if (keycloakSource != null) {
            keycloakStart = CompletableFuture.supplyAsync(keycloakSource);
        } else {
            say.accept("starting Keycloak on port " + config.keycloakPort() + " (first start builds it: 1-3 minutes)");
            keycloakStart = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                    config.dataDir().resolve("keycloak"), config.keycloakPort(),
                    root.resolve(Tokens.DEMO_REALM), config.logDir().resolve("keycloak.log"),
                    Duration.ofMinutes(5)));
        }
        try {
            say.accept("starting PostgreSQL on port " + config.postgresPort());
            postgres = Postgres.start(config.dataDir().resolve("postgres"), config.postgresPort(), config.persistent(),
                    config.postgresDurability());
            for (Service s : Service.values()) {
                if (s.database() != null) {
                    postgres.ensureDatabase(s.database());
                }
            }
            say.accept("starting Kafka on port " + config.kafkaPort());
            kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(),
                    config.kafkaControllerPort(), config.logDir().resolve("kafka.log"));
        } finally {
            keycloak = keycloakStart.join();
        }
        say.accept("Keycloak ready at " + keycloak.url());
    }

    private void startServices() {
        Path root = WorkDirs.root();
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Service s : Service.values()) {
            ManagedProcess process = serviceProcess(root, s);
            services.put(s, process);
            starts.add(CompletableFuture.runAsync(() -> {
                process.start();
                process.awaitReady(() -> ManagedProcess.answers200(url(s) + "/q/health/ready"), Duration.ofMinutes(3));
                say.accept(s.module() + " ready at " + url(s));
            }));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Starts one more instance of a service (not the gateway) on a free port, configured as the first: it joins the
     * same consumer groups, so the topics' partitions are spread over the instances. Returns once it is ready.
     */
    public Instance startInstance(Service s) {
        if (s == Service.GATEWAY) {
            throw new IllegalArgumentException("the gateway owns no consumers; one instance serves");
        }
        List<Instance> of = replicas.computeIfAbsent(s, k -> Collections.synchronizedList(new ArrayList<>()));
        int number;
        synchronized (of) {
            number = of.size() + 2;
        }
        int port = Ports.free();
        Map<String, String> env = environment(s);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        String name = s.module() + "-" + number;
        ManagedProcess process = new ManagedProcess(name, command(WorkDirs.root(), s), env,
                WorkDirs.root().resolve(s.module()), config.logDir().resolve(name + ".log"));
        Instance instance = new Instance(s, number, port, process);
        of.add(instance);
        process.start();
        process.awaitReady(() -> ManagedProcess.answers200(instance.url() + "/q/health/ready"), Duration.ofMinutes(3));
        say.accept(name + " ready at " + instance.url() + " (instance " + number + " of " + s.module() + ")");
        return instance;
    }

    /** The further instances of a service started beside the first. */
    public List<Instance> instances(Service s) {
        return List.copyOf(replicas.getOrDefault(s, List.of()));
    }

    private ManagedProcess serviceProcess(Path root, Service s) {
        return new ManagedProcess(s.module(), command(root, s), environment(s), root.resolve(s.module()),
                config.logDir().resolve(s.module() + ".log"));
    }

    private List<String> command(Path root, Service s) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        for (String opt : config.serviceJavaOpts().trim().split("\\s+")) {
            if (!opt.isEmpty()) {
                command.add(opt);
            }
        }
        command.add("-jar");
        command.add(jar(root, s).toString());
        return command;
    }

    /**
     * The environment a service is configured with: the same variables compose and Kubernetes set, and the
     * {@link #OPTIONAL} ones of this service that are set here.
     */
    public Map<String, String> environment(Service s) {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service other : Service.values()) {
            urls.put(other, url(other));
        }
        Map<String, String> env = environment(s, port(s), kafka.bootstrapServers(), keycloak.url(),
                s.database() == null ? null : postgres.jdbcUrl(s.database()), urls);
        OPTIONAL.forEach((name, reader) -> {
            String value = System.getenv(name);
            if (reader == s && value != null && !value.isBlank()) {
                env.put(name, value);
            }
        });
        return env;
    }

    /**
     * The configuration contract of a service: every environment variable it reads, with values for one
     * deployment. The local run, docker-compose.yml and the Kubernetes manifests set exactly these.
     */
    public static Map<String, String> environment(Service s, int httpPort, String kafkaBootstrap, String keycloakUrl,
            String jdbcUrl, Map<Service, String> serviceUrls) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        env.put("KEYCLOAK_URL", keycloakUrl);
        if (s != Service.GATEWAY) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
            // partitions of every topic: how many replicas of a consumer can share its work
            env.put("JIXIAO_TOPICS_PARTITIONS", String.valueOf(TOPIC_PARTITIONS));
        }
        if (s.database() != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("DB_USER", Postgres.USER);
            env.put("DB_PASSWORD", Postgres.PASSWORD);
        }
        if (s == Service.GATEWAY) {
            env.put("JIXIAO_GATEWAY_BUDGET_URL", serviceUrls.get(Service.BUDGET));
            env.put("JIXIAO_GATEWAY_PERSONNEL_URL", serviceUrls.get(Service.PERSONNEL));
            env.put("JIXIAO_GATEWAY_ASSESSMENT_URL", serviceUrls.get(Service.ASSESSMENT));
            env.put("JIXIAO_GATEWAY_REPORT_URL", serviceUrls.get(Service.REPORT));
            // the browser origins allowed to call the API (the gateway's own is always allowed)
            env.put("JIXIAO_CORS_ORIGINS", System.getenv().getOrDefault("JIXIAO_CORS_ORIGINS",
                    "http://localhost:" + httpPort));
            // the web pages' Keycloak client and the keys of their cookies (demo values, as in the realm file)
            env.put("JIXIAO_WEB_CLIENT_ID", "jixiao-web");
            env.put("JIXIAO_WEB_CLIENT_SECRET", "jixiao-web-secret");
            env.put("JIXIAO_WEB_STATE_SECRET", "jixiao-demo-state-secret-0123456789abcdef");
            env.put("JIXIAO_WEB_SESSION_SECRET", "jixiao-demo-session-secret-0123456789abcdef");
        }
        return env;
    }

    private static Path jar(Path root, Service s) {
        return root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public int port(Service s) {
        return config.servicePorts().get(s);
    }

    public String url(Service s) {
        return "http://localhost:" + port(s);
    }

    public String gatewayUrl() {
        return url(Service.GATEWAY);
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    /** The process of a service, e.g. to kill it in a fault test. */
    public ManagedProcess service(Service s) {
        return services.get(s);
    }

    /** Starts a stopped or killed service again and waits until it is ready. */
    public void restart(Service s) {
        ManagedProcess process = services.get(s);
        process.start();
        process.awaitReady(() -> ManagedProcess.answers200(url(s) + "/q/health/ready"), Duration.ofMinutes(3));
    }

    public Config config() {
        return config;
    }

    @Override
    public void close() {
        List<Service> order = new ArrayList<>(List.of(Service.values()));
        Collections.reverse(order);
        order.remove(Service.GATEWAY);
        order.add(0, Service.GATEWAY);
        replicas.values().forEach(list -> List.copyOf(list).forEach(
                i -> quietly(() -> i.process().stop(Duration.ofSeconds(20)))));
        for (Service s : order) {
            ManagedProcess p = services.get(s);
            if (p != null) {
                quietly(() -> p.stop(Duration.ofSeconds(20)));
            }
        }
        if (kafka != null) {
            quietly(kafka::close);
        }
        if (keycloak != null) {
            quietly(keycloak::close);
        }
        if (postgres != null) {
            quietly(postgres::close);
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.err.println("while stopping: " + e);
        }
    }
}
