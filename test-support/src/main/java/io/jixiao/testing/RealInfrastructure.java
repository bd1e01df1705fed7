package io.jixiao.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points a service under {@code @QuarkusTest} at real PostgreSQL (its own database), Kafka and Keycloak.
 * Use with {@code @WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
 * initArgs = @ResourceArg(name = "database", value = "budget"))}; the gateway omits the database and passes
 * {@code kafka=false}. (A broker that goes away under a running platform is the acceptance module's
 * {@code FaultToleranceIT}'s.)
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;
    private String kafka;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        kafka = initArgs.getOrDefault("kafka", "shared");
        TestInfrastructure.startInBackground(database != null, "shared".equals(kafka));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (database != null) {
            var pg = TestInfrastructure.postgres().ensureDatabase(database);
            config.put("quarkus.datasource.jdbc.url", pg.jdbcUrl(database));
            config.put("quarkus.datasource.username", io.jixiao.local.infra.Postgres.USER);
            config.put("quarkus.datasource.password", io.jixiao.local.infra.Postgres.PASSWORD);
        }
        if ("shared".equals(kafka)) {
            config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        }
        config.put("quarkus.oidc.auth-server-url", TestInfrastructure.keycloak().issuer());
        return config;
    }

    @Override
    public void stop() {
        // stopped once, when the test JVM exits: later test classes reuse the same servers
    }
}
