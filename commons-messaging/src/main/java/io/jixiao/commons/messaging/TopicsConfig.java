package io.jixiao.commons.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * How the platform's topics are laid out (DESIGN §10b): partitions decide how many replicas of a consumer can share
 * a topic's work, since each partition is read by one member of a consumer group at a time.
 */
@ConfigMapping(prefix = "jixiao.topics")
public interface TopicsConfig {

    /** Whether this service creates the platform's topics (and adds partitions) at start; off where Kafka is not. */
    @WithDefault("true")
    boolean provision();

    /** Partitions of every topic of the platform ({@code JIXIAO_TOPICS_PARTITIONS}). */
    @WithDefault("6")
    int partitions();

    /**
     * Partitions of single topics where they differ, as {@code topic=count} ({@code JIXIAO_TOPICS_PER_TOPIC}, e.g.
     * {@code budget.snapshots=12,assessment.scores=12}).
     */
    Optional<List<String>> perTopic();

    /** Replicas of each partition on the brokers (1 on one broker, 3 on a production cluster). */
    @WithDefault("1")
    short replicationFactor();
}
