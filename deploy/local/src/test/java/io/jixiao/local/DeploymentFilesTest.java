package io.jixiao.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jixiao.local.infra.Platform;
import io.jixiao.local.infra.Service;
import io.jixiao.local.infra.WorkDirs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks docker-compose.yml, the Dockerfiles and the Kubernetes files against the configuration contract
 * ({@link Platform#environment(Service, int, String, String, String, Map)}), its optional variables
 * ({@link Platform#OPTIONAL}) and {@link Service}: nothing is run, the files are read and compared.
 */
class DeploymentFilesTest {

    /** The one variable a deployment may set beyond the contract: quarkus.oidc.token.issuer. */
    private static final String ISSUER = "QUARKUS_OIDC_TOKEN_ISSUER";
    private static final String POSTGRES = "postgres";
    private static final String KAFKA = "kafka";
    private static final String KEYCLOAK = "keycloak";
    private static final String REALM = "deploy/keycloak/jixiao-realm.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Path root;
    private static JsonNode compose;

    @BeforeAll
    static void load() throws IOException {
        root = WorkDirs.root();
        Path file = root.resolve("docker-compose.yml");
        assertTrue(Files.isRegularFile(file), file + " is missing");
        compose = YAML.readTree(file.toFile());
        assertTrue(compose.path("services").isObject(), "docker-compose.yml has no services");
    }

    // ---------------------------------------------------------------------------------------------------
    // docker-compose.yml

    @Test
    void everyServiceIsBuiltFromItsDockerfileWithAHealthcheckAndWaitsForWhatItNeeds() {
        for (String infra : List.of(POSTGRES, KAFKA, KEYCLOAK)) {
            assertHealthcheck(infra);
        }
        for (Service s : Service.values()) {
            JsonNode svc = composeService(s.module());

            JsonNode build = svc.path("build");
            assertTrue(build.isObject(), s.module() + ": build must be an object with context and dockerfile");
            Path context = root.resolve(build.path("context").asText()).normalize();
            assertEquals(root.resolve(s.module()), context, s.module() + ": build context");
            Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile")).normalize();
            assertEquals(context.resolve("src/main/docker/Dockerfile.jvm"), dockerfile, s.module() + ": dockerfile");
            assertTrue(Files.isRegularFile(dockerfile), s.module() + ": " + dockerfile + " does not exist");

            assertHealthcheck(s.module());

            Set<String> needed = new TreeSet<>();
            needed.add(KEYCLOAK);
            if (s.database() != null) {
                needed.add(POSTGRES);
            }
            if (s != Service.GATEWAY) {
                needed.add(KAFKA);
            } else {
                Service.backends().forEach(b -> needed.add(b.module()));
            }
            JsonNode dependsOn = svc.path("depends_on");
            assertTrue(dependsOn.isObject(),
                    s.module() + ": depends_on must be a map with conditions (service_healthy)");
            for (String dep : needed) {
                assertTrue(dependsOn.has(dep), s.module() + " must depend on " + dep);
                assertEquals("service_healthy", dependsOn.path(dep).path("condition").asText(),
                        s.module() + " must wait until " + dep + " is healthy");
            }
        }
    }

    @Test
    void everyServiceIsConfiguredWithExactlyItsContract() {
        Map<String, String> postgresEnv = environment(composeService(POSTGRES));
        JsonNode keycloak = composeService(KEYCLOAK);
        Map<String, String> keycloakEnv = environment(keycloak);
        int keycloakContainerPort = 8080;
        int keycloakPublished = publishedPort(keycloak, keycloakContainerPort);

        for (Service s : Service.values()) {
            JsonNode svc = composeService(s.module());
            Map<String, String> env = environment(svc);
            assertContractNames(s, env.keySet(), "docker-compose.yml " + s.module());

            int port = Integer.parseInt(env.get("QUARKUS_HTTP_PORT"));
            assertEquals(s.defaultPort(), port, s.module() + ": QUARKUS_HTTP_PORT");
            assertEquals(port, publishedPort(svc, port), s.module() + ": published port");
            String healthcheck = String.join(" ", texts(svc.path("healthcheck").path("test")));
            assertTrue(Pattern.compile("(?<![0-9])" + port + "(?![0-9])").matcher(healthcheck).find(),
                    s.module() + ": the healthcheck must probe port " + port + ": " + healthcheck);
            assertTrue(healthcheck.contains("/q/health"), s.module() + ": the healthcheck must use /q/health");

            URI keycloakUrl = URI.create(env.get("KEYCLOAK_URL"));
            assertEquals(KEYCLOAK, keycloakUrl.getHost(), s.module() + ": KEYCLOAK_URL host");
            assertEquals(keycloakContainerPort, keycloakUrl.getPort(), s.module() + ": KEYCLOAK_URL port");
            if (env.containsKey(ISSUER)) {
                String hostname = keycloakEnv.get("KC_HOSTNAME");
                assertNotNull(hostname, "keycloak: KC_HOSTNAME must name the issuer's public URL");
                assertEquals(hostname + "/realms/jixiao", env.get(ISSUER), s.module() + ": " + ISSUER);
                assertEquals(keycloakPublished, URI.create(hostname).getPort(),
                        "keycloak: KC_HOSTNAME must use the published port");
                assertEquals("true", keycloakEnv.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"),
                        "keycloak: back-channel requests must be answered on their own URL");
            }

            if (s != Service.GATEWAY) {
                for (String server : env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
                    assertEquals(KAFKA + ":9092", server.trim(), s.module() + ": KAFKA_BOOTSTRAP_SERVERS");
                }
            }
            if (s.database() != null) {
                URI jdbc = jdbcUri(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
                assertEquals(POSTGRES, jdbc.getHost(), s.module() + ": database host");
                assertTrue(jdbc.getPort() == -1 || jdbc.getPort() == 5432, s.module() + ": database port");
                assertEquals("/" + s.database(), jdbc.getPath(), s.module() + ": its own database");
                for (String credential : List.of("DB_USER", "DB_PASSWORD")) {
                    String value = env.get(credential);
                    assertFalse(value == null || value.isBlank(), s.module() + ": " + credential);
                    assertTrue(postgresEnv.containsValue(value),
                            s.module() + ": " + credential + "=" + value + " is not what postgres is set up with");
                }
            }
            if (s == Service.GATEWAY) {
                Map<String, Service> routes = gatewayRouteVariables();
                routes.forEach((name, backend) -> {
                    URI url = URI.create(env.get(name));
                    assertEquals(backend.module(), url.getHost(), "gateway: " + name + " host");
                    int backendPort = Integer.parseInt(environment(composeService(backend.module()))
                            .get("QUARKUS_HTTP_PORT"));
                    assertEquals(backendPort, url.getPort(), "gateway: " + name + " port");
                });
            }
        }
    }

    @Test
    void everyPlaceholderTheConfigurationReadsIsSet() throws IOException {
        Path commons = root.resolve("service-commons/src/main/resources/META-INF/microprofile-config.properties");
        assertTrue(Files.isRegularFile(commons), commons + " is missing");
        Set<String> commonsPlaceholders = placeholders(commons);
        assertFalse(commonsPlaceholders.isEmpty(), "no ${...} found in " + commons);
        for (Service s : Service.values()) {
            Set<String> read = new TreeSet<>(placeholders(
                    root.resolve(s.module()).resolve("src/main/resources/application.properties")));
            if (Files.readString(root.resolve(s.module()).resolve("pom.xml"))
                    .contains("<artifactId>jixiao-service-commons</artifactId>")) {
                read.addAll(commonsPlaceholders);
            }
            Set<String> set = environment(composeService(s.module())).keySet();
            for (String name : read) {
                assertTrue(set.contains(name) || Platform.OPTIONAL.get(name) == s,
                        s.module() + " reads ${" + name + "} but compose does not set it");
            }
        }
    }

    @Test
    void optionalVariablesHaveADefaultAreDocumentedAndNoDeploymentSetsThem() throws IOException {
        assertFalse(Platform.OPTIONAL.isEmpty());
        String k8sReadme = Files.readString(root.resolve("deploy/k8s/README.md"));
        String configMap = Files.readString(root.resolve("deploy/k8s/configmap.yaml"));
        for (Map.Entry<String, Service> optional : Platform.OPTIONAL.entrySet()) {
            String name = optional.getKey();
            Service reader = optional.getValue();
            Path properties = root.resolve(reader.module()).resolve("src/main/resources/application.properties");
            assertTrue(Pattern.compile("(?m)^[^#]*\\$\\{" + name + ":").matcher(Files.readString(properties)).find(),
                    properties + " must read ${" + name + ":...} with a default, so that leaving it unset works");
            for (Service s : Service.values()) {
                assertFalse(contract(s).containsKey(name), name + " is optional, not in the contract of " + s.module());
                assertFalse(environment(composeService(s.module())).containsKey(name),
                        "docker-compose.yml must leave the optional " + name + " unset (" + s.module() + ")");
                Path fragment = root.resolve(s.module()).resolve("src/main/kubernetes/kubernetes.yml");
                assertFalse(Files.readString(fragment).contains(name), fragment + " must leave " + name + " unset");
            }
            assertFalse(configMap.contains(name), "jixiao-config must leave the optional " + name + " unset");
            assertTrue(k8sReadme.contains(name), "deploy/k8s/README.md must say what the optional " + name + " does");
        }
    }

    @Test
    void gatewayAndKeycloakArePublishedAndTheRealmAndDatabasesAreProvided() throws IOException {
        assertEquals(8080, publishedPort(composeService(Service.GATEWAY.module()), Service.GATEWAY.defaultPort()),
                "gateway must publish 8080");
        JsonNode keycloak = composeService(KEYCLOAK);
        assertEquals(8180, publishedPort(keycloak, 8080), "keycloak must publish 8180 (its 8080)");
        assertTrue(String.join(" ", texts(keycloak.path("command"))).contains("--import-realm"),
                "keycloak must be started with --import-realm");
        assertTrue(mounts(keycloak).entrySet().stream().anyMatch(m -> m.getKey().equals(root.resolve(REALM))
                && m.getValue().startsWith("/opt/keycloak/data/import/")),
                "keycloak must mount " + REALM + " into /opt/keycloak/data/import/");

        JsonNode postgres = composeService(POSTGRES);
        Map.Entry<Path, String> init = mounts(postgres).entrySet().stream()
                .filter(m -> m.getValue().startsWith("/docker-entrypoint-initdb.d"))
                .findFirst().orElseThrow(() -> new AssertionError("postgres has no init script"));
        assertTrue(Files.isRegularFile(init.getKey()), init.getKey() + " is missing");
        String initText = Files.readString(init.getKey()) + " " + String.join(" ", environment(postgres).values());
        for (Service s : Service.values()) {
            if (s.database() != null) {
                assertTrue(Pattern.compile("\\b" + s.database() + "\\b").matcher(initText).find(),
                        "postgres init does not create the database " + s.database());
            }
        }
        assertTrue(compose.path("volumes").isObject() && compose.path("volumes").size() >= 3,
                "named volumes for the data of postgres, kafka and keycloak");
    }

    // ---------------------------------------------------------------------------------------------------
    // Dockerfiles

    @Test
    void everyDockerfileCopiesTheFastJar() throws IOException {
        for (Service s : Service.values()) {
            Path file = root.resolve(s.module()).resolve("src/main/docker/Dockerfile.jvm");
            assertTrue(Files.isRegularFile(file), file + " is missing");
            String text = Files.readString(file);
            for (String layer : List.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
                    "target/quarkus-app/app/", "target/quarkus-app/quarkus/")) {
                assertTrue(text.contains(layer), file + " does not copy " + layer);
            }
            assertTrue(text.contains("./mvnw package -DskipTests"), file + ": the header says to package first");
            assertTrue(Pattern.compile("(?m)^FROM \\S*(openjdk|temurin)\\S*17").matcher(text).find(),
                    file + ": an OpenJDK 17 runtime image");
            assertTrue(Pattern.compile("(?m)^EXPOSE " + s.defaultPort() + "\\b").matcher(text).find(),
                    file + ": EXPOSE " + s.defaultPort());
            Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(text);
            String last = null;
            while (user.find()) {
                last = user.group(1);
            }
            assertNotNull(last, file + ": no USER");
            assertFalse(last.equals("root") || last.equals("0") || last.startsWith("0:"), file + ": runs as root");
            assertTrue(text.contains("JAVA_OPTS_APPEND"), file + ": JAVA_OPTS_APPEND");
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // Kubernetes

    @Test
    void kubernetesFragmentsSetTheContractFromTheConfigMapAndSecret() throws IOException {
        Path k8s = root.resolve("deploy/k8s");
        List<JsonNode> shared = new ArrayList<>();
        try (Stream<Path> files = Files.list(k8s)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .toList()) {
                shared.addAll(documents(f));
            }
        }
        Map<String, String> configMap = data(find(shared, "ConfigMap", "jixiao-config"), "data");
        Map<String, String> secret = new HashMap<>(data(find(shared, "Secret", "jixiao-secrets"), "stringData"));
        data(find(shared, "Secret", "jixiao-secrets"), "data").forEach(
                (k, v) -> secret.put(k, new String(java.util.Base64.getDecoder().decode(v))));
        assertKustomization(k8s);

        for (Service s : Service.values()) {
            Path file = root.resolve(s.module()).resolve("src/main/kubernetes/kubernetes.yml");
            assertTrue(Files.isRegularFile(file), file + " is missing");
            String firstContent = Files.readAllLines(file).stream()
                    .filter(l -> !l.isBlank() && !l.trim().startsWith("#")).findFirst().orElse("");
            assertFalse(firstContent.startsWith("---"),
                    file + ": quarkus-kubernetes rejects a first document holding only comments");
            JsonNode deployment = find(documents(file), "Deployment", s.module());
            JsonNode container = null;
            for (JsonNode c : deployment.path("spec").path("template").path("spec").path("containers")) {
                if (s.module().equals(c.path("name").asText())) {
                    container = c;
                }
            }
            assertNotNull(container, file + ": no container named " + s.module());

            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode from : container.path("envFrom")) {
                if (from.has("configMapRef")) {
                    assertEquals("jixiao-config", from.path("configMapRef").path("name").asText(), file + ": envFrom");
                    env.putAll(configMap);
                } else if (from.has("secretRef")) {
                    assertEquals("jixiao-secrets", from.path("secretRef").path("name").asText(), file + ": envFrom");
                    env.putAll(secret);
                }
            }
            for (JsonNode e : container.path("env")) {
                String name = e.path("name").asText();
                JsonNode ref = e.path("valueFrom");
                if (e.has("value")) {
                    env.put(name, e.path("value").asText());
                } else if (ref.has("configMapKeyRef")) {
                    env.put(name, resolve(file, name, ref.path("configMapKeyRef"), "jixiao-config", configMap));
                } else if (ref.has("secretKeyRef")) {
                    env.put(name, resolve(file, name, ref.path("secretKeyRef"), "jixiao-secrets", secret));
                } else {
                    fail(file + ": " + name + " has neither a value nor a ConfigMap/Secret reference");
                }
            }
            if (container.path("envFrom").isEmpty()) {
                assertContractNames(s, env.keySet(), file.toString());
            } else {
                Set<String> missing = new TreeSet<>(contract(s).keySet());
                missing.removeAll(env.keySet());
                assertTrue(missing.isEmpty(), file + " does not set " + missing);
            }

            assertEquals(String.valueOf(s.defaultPort()), env.get("QUARKUS_HTTP_PORT"), file + ": QUARKUS_HTTP_PORT");
            assertEquals(KEYCLOAK, URI.create(env.get("KEYCLOAK_URL")).getHost(), file + ": KEYCLOAK_URL");
            if (env.containsKey(ISSUER)) {
                assertEquals(configMap.get("KC_HOSTNAME") + "/realms/jixiao", env.get(ISSUER),
                        file + ": the issuer is Keycloak's public URL (KC_HOSTNAME in jixiao-config)");
            }
            if (s != Service.GATEWAY) {
                assertTrue(env.get("KAFKA_BOOTSTRAP_SERVERS").startsWith(KAFKA + ":"), file + ": Kafka");
            }
            if (s.database() != null) {
                URI jdbc = jdbcUri(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
                assertEquals(POSTGRES, jdbc.getHost(), file + ": database host");
                assertEquals("/" + s.database(), jdbc.getPath(), file + ": its own database");
            }
            if (s == Service.GATEWAY) {
                gatewayRouteVariables().forEach((name, backend) -> assertEquals(backend.module(),
                        URI.create(env.get(name)).getHost(), file + ": " + name + " must name the Service"));
            }
        }
    }

    @Test
    void theKedaScalersWatchTheGroupsAndTopicsTheServicesConsumeAndStopAtThePartitions() throws IOException {
        Path k8s = root.resolve("deploy/k8s");
        Map<String, String> configMap = new HashMap<>();
        for (JsonNode doc : documents(k8s.resolve("configmap.yaml"))) {
            configMap.putAll(data(doc, "data"));
        }
        int partitions = Integer.parseInt(configMap.get("JIXIAO_TOPICS_PARTITIONS"));
        assertEquals(Platform.TOPIC_PARTITIONS, partitions, "the local run and the cluster lay topics out alike");
        List<JsonNode> scalers = documents(k8s.resolve("keda/scaledobjects.yaml"));
        Set<String> scaled = new TreeSet<>();
        for (JsonNode scaler : scalers) {
            assertEquals("ScaledObject", scaler.path("kind").asText());
            String target = scaler.path("spec").path("scaleTargetRef").path("name").asText();
            Service service = java.util.Arrays.stream(Service.values()).filter(s -> s.module().equals(target))
                    .findFirst().orElseThrow(() -> new AssertionError("a ScaledObject targets no service: " + target));
            scaled.add(target);
            assertTrue(scaler.path("spec").path("minReplicaCount").asInt() >= 1, target + " serves the API: never zero");
            assertEquals(partitions, scaler.path("spec").path("maxReplicaCount").asInt(),
                    target + ": at most one consumer per partition");
            java.util.Properties props = new java.util.Properties();
            try (var in = Files.newBufferedReader(root.resolve(service.module())
                    .resolve("src/main/resources/application.properties"))) {
                props.load(in);
            }
            Map<String, String> groupOfTopic = new HashMap<>();
            for (String key : props.stringPropertyNames()) {
                Matcher m = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic").matcher(key);
                if (m.matches()) {
                    groupOfTopic.put(props.getProperty(key), props.getProperty("mp.messaging.incoming." + m.group(1)
                            + ".group.id"));
                }
            }
            for (JsonNode trigger : scaler.path("spec").path("triggers")) {
                assertEquals("kafka", trigger.path("type").asText());
                JsonNode meta = trigger.path("metadata");
                String topic = meta.path("topic").asText();
                assertTrue(groupOfTopic.containsKey(topic), target + " consumes no topic " + topic);
                assertEquals(groupOfTopic.get(topic), meta.path("consumerGroup").asText(), target + " " + topic);
                assertEquals(configMap.get("KAFKA_BOOTSTRAP_SERVERS"), meta.path("bootstrapServers").asText());
                assertEquals("false", meta.path("allowIdleConsumers").asText());
            }
        }
        assertEquals(Set.of("assessment-service", "report-service"), scaled,
                "the services that take in the registers' facts scale by lag");
    }

    private static void assertKustomization(Path k8s) throws IOException {
        Path file = k8s.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(file), file + " is missing");
        JsonNode kustomization = YAML.readTree(file.toFile());
        for (JsonNode resource : kustomization.path("resources")) {
            assertTrue(Files.isRegularFile(k8s.resolve(resource.asText())), file + ": " + resource + " is missing");
        }
        boolean realm = false;
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            for (JsonNode source : generator.path("files")) {
                String path = source.asText().contains("=") ? source.asText().split("=", 2)[1] : source.asText();
                Path resolved = k8s.resolve(path).normalize();
                assertTrue(Files.isRegularFile(resolved), file + ": " + resolved + " is missing");
                realm |= resolved.equals(root.resolve(REALM));
            }
        }
        assertTrue(realm, file + " must generate the realm ConfigMap from " + REALM);
    }

    private static String resolve(Path file, String name, JsonNode ref, String expected, Map<String, String> data) {
        assertEquals(expected, ref.path("name").asText(), file + ": " + name + " must come from " + expected);
        String key = ref.path("key").asText();
        assertTrue(data.containsKey(key), file + ": " + name + " reads key " + key + " that " + expected + " lacks");
        return data.get(key);
    }

    // ---------------------------------------------------------------------------------------------------
    // helpers

    /** The contract of a service, from dummy values: its names are what matters. */
    private static Map<String, String> contract(Service s) {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service other : Service.values()) {
            urls.put(other, "http://dummy-" + other.module() + ":1");
        }
        return Platform.environment(s, 1, "dummy-kafka:1", "http://dummy-keycloak:1",
                s.database() == null ? null : "jdbc:postgresql://dummy:1/" + s.database(), urls);
    }

    /** The gateway's route variables, each with the backend it must point at. */
    private static Map<String, Service> gatewayRouteVariables() {
        Map<String, Service> routes = new LinkedHashMap<>();
        contract(Service.GATEWAY).forEach((name, value) -> {
            for (Service b : Service.backends()) {
                if (value != null && value.equals("http://dummy-" + b.module() + ":1")) {
                    routes.put(name, b);
                }
            }
        });
        assertEquals(Service.backends().size(), routes.size(), "the gateway's contract routes to every backend");
        return routes;
    }

    private static void assertContractNames(Service s, Set<String> names, String where) {
        Set<String> expected = contract(s).keySet();
        Set<String> extra = new TreeSet<>(names);
        extra.removeAll(expected);
        extra.remove(ISSUER);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(names);
        assertTrue(missing.isEmpty() && extra.isEmpty(),
                where + ": the environment must be the contract (+ " + ISSUER + "); missing " + missing
                        + ", not in the contract " + extra);
    }

    private static JsonNode composeService(String name) {
        JsonNode svc = compose.path("services").path(name);
        assertTrue(svc.isObject(), "docker-compose.yml has no service " + name);
        return svc;
    }

    private static void assertHealthcheck(String name) {
        JsonNode hc = composeService(name).path("healthcheck");
        List<String> test = texts(hc.path("test"));
        assertFalse(test.isEmpty() || test.get(0).equals("NONE") || hc.path("disable").asBoolean(false),
                name + " needs a healthcheck");
    }

    /** The environment of a compose service, in map or list form. */
    private static Map<String, String> environment(JsonNode svc) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = svc.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        } else {
            for (JsonNode item : node) {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return env;
    }

    /** The host port a compose service publishes its container port on, or -1. */
    private static int publishedPort(JsonNode svc, int containerPort) {
        for (JsonNode p : svc.path("ports")) {
            if (p.isObject()) {
                if (p.path("target").asInt() == containerPort) {
                    return p.path("published").asInt();
                }
                continue;
            }
            String[] parts = p.asText().replaceAll("/(tcp|udp)$", "").split(":");
            int target = Integer.parseInt(parts[parts.length - 1]);
            if (target == containerPort) {
                return parts.length == 1 ? target : Integer.parseInt(parts[parts.length - 2]);
            }
        }
        return -1;
    }

    /** Bind mounts of a compose service: host path (resolved against the root) to container path. */
    private static Map<Path, String> mounts(JsonNode svc) {
        Map<Path, String> mounts = new HashMap<>();
        for (JsonNode v : svc.path("volumes")) {
            String source;
            String target;
            if (v.isObject()) {
                source = v.path("source").asText();
                target = v.path("target").asText();
            } else {
                String[] parts = v.asText().split(":");
                source = parts[0];
                target = parts.length > 1 ? parts[1] : parts[0];
            }
            if (source.startsWith(".") || source.startsWith("/")) {
                mounts.put(root.resolve(source).normalize(), target);
            }
        }
        return mounts;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    private static URI jdbcUri(String url) {
        assertNotNull(url, "no JDBC URL");
        assertTrue(url.startsWith("jdbc:postgresql://"), "not a PostgreSQL JDBC URL: " + url);
        return URI.create(url.substring("jdbc:".length()));
    }

    /** The ${NAME...} placeholders of a properties file that name environment variables. */
    private static Set<String> placeholders(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " is missing");
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            if (line.trim().startsWith("#")) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(line);
            while (m.find()) {
                if (ENV_NAME.matcher(m.group(1)).matches()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && doc.isObject()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode find(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static Map<String, String> data(JsonNode resource, String field) {
        Map<String, String> data = new HashMap<>();
        resource.path(field).fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }
}
