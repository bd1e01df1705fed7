package io.jixiao.local.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the scores as they are published ({@code assessment.scores}, from now on): when a unit-year's score resting
 * on a given budget version appears, that moment is kept. A score is on the topic once assessment-service committed it,
 * so this is when it is visible to report-service and to everyone asking assessment-service.
 */
final class ScoreWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> seenNanos = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    ScoreWatcher(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor("assessment.scores", Duration.ofSeconds(10)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        try {
                            JsonNode basis = JSON.readTree(r.value()).path("payload").path("basis");
                            seenNanos.putIfAbsent(r.key() + "@" + basis.path("budget").asLong(), now);
                        } catch (java.io.IOException e) {
                            // not a score event: not ours to judge here
                        }
                    }
                }
            }
        }, "score-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** When the score of the unit-year ({@code unit:year}) resting on that budget version was seen, if it was. */
    Long seen(String unitYear, long budgetVersion) {
        return seenNanos.get(unitYear + "@" + budgetVersion);
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
