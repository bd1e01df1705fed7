package io.jixiao.commons.messaging;

import io.jixiao.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the platform's topics with the configured partitions ({@link TopicsConfig}) before this service's consumers
 * subscribe (its start observer runs before the messaging connectors start), so that no topic is created by a
 * subscription with the broker's default; adds partitions to a topic that has fewer (never removes any: ordering per
 * key is kept by the inbox's versions, not by partitions). Every service with Kafka does this; whichever starts first
 * creates, the others find the topics as configured. If Kafka cannot be reached the service starts anyway (its
 * connectors wait for the broker) and says so.
 */
@ApplicationScoped
public class TopicProvisioning {

    private static final Logger LOG = Logger.getLogger(TopicProvisioning.class);

    /** Every topic of the platform. */
    static final List<String> TOPICS = List.of(Topics.UNITS, Topics.BUDGET, Topics.PERSONNEL, Topics.ASSETS,
            Topics.SCORES, Topics.REPORT_STATUS);

    private final TopicsConfig config;
    private final String bootstrapServers;

    public TopicProvisioning(TopicsConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        if (!config.provision()) {
            return;
        }
        Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(p)) {
            provision(admin, partitions(config));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("could not provision the topics (%s); the connectors will wait for Kafka", e.getMessage());
        }
    }

    /** The partitions each topic should have. */
    static Map<String, Integer> partitions(TopicsConfig config) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        TOPICS.forEach(t -> wanted.put(t, config.partitions()));
        for (String entry : config.perTopic().orElse(List.of())) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || !wanted.containsKey(parts[0].trim())) {
                throw new IllegalArgumentException("jixiao.topics.per-topic: '" + entry
                        + "' is not topic=count of a topic among " + TOPICS);
            }
            wanted.put(parts[0].trim(), Integer.parseInt(parts[1].trim()));
        }
        return wanted;
    }

    private void provision(Admin admin, Map<String, Integer> wanted)
            throws ExecutionException, InterruptedException, TimeoutException {
        var existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
        List<NewTopic> create = new ArrayList<>();
        wanted.forEach((topic, n) -> {
            if (!existing.contains(topic)) {
                create.add(new NewTopic(topic, n, config.replicationFactor()));
            }
        });
        for (var result : admin.createTopics(create).values().entrySet()) {
            try {
                result.getValue().get(15, TimeUnit.SECONDS);
                LOG.infof("created topic %s with %d partitions", result.getKey(), wanted.get(result.getKey()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        Map<String, TopicDescription> described = admin.describeTopics(wanted.keySet()).allTopicNames()
                .get(15, TimeUnit.SECONDS);
        Map<String, NewPartitions> more = new LinkedHashMap<>();
        described.forEach((topic, description) -> {
            int has = description.partitions().size();
            if (has < wanted.get(topic)) {
                more.put(topic, NewPartitions.increaseTo(wanted.get(topic)));
                LOG.infof("topic %s: %d partitions, raised to %d", topic, has, wanted.get(topic));
            }
        });
        if (!more.isEmpty()) {
            admin.createPartitions(more).all().get(15, TimeUnit.SECONDS);
        }
    }
}
