package io.jixiao.commons.messaging;

import io.jixiao.events.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Moves records of a batch that can never be applied to the dead-letter topic of their channel, with the reason, as
 * the connector's {@code dead-letter-queue} strategy does for one record (same topic and headers:
 * {@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition}, {@code -offset}), and returns only
 * once the broker has them: the batch's offsets are committed after that, so a record is never lost on the way.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** A record that can never be applied, and why. */
    public record DeadLetter(ConsumerRecord<String, String> record, Throwable reason) {
    }

    private final Emitter<String> emitter;
    private final Config config;
    private final String application;

    public DeadLetters(@Channel("dead-letters") Emitter<String> emitter, Config config,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.emitter = emitter;
        this.config = config;
        this.application = application;
    }

    /** Sends the records to the channel's dead-letter topic and waits until the broker acknowledged every one. */
    public void send(String channel, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, String> record = letter.record();
            String topic = topic(channel, record.topic());
            RecordHeaders headers = new RecordHeaders();
            header(headers, "dead-letter-reason", message(letter.reason()));
            if (letter.reason().getCause() != null) {
                header(headers, "dead-letter-cause", message(letter.reason().getCause()));
            }
            header(headers, "dead-letter-exception-class-name", letter.reason().getClass().getName());
            header(headers, "dead-letter-topic", record.topic());
            header(headers, "dead-letter-partition", Integer.toString(record.partition()));
            header(headers, "dead-letter-offset", Long.toString(record.offset()));
            CompletableFuture<Void> ack = new CompletableFuture<>();
            emitter.send(Message.of(record.value() == null ? "" : record.value())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic)
                            .withKey(record.key()).withHeaders(headers).build())
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
            acks.add(ack);
            LOG.warnf("%s record %s-%d@%d dead-lettered to %s: %s", channel, record.topic(), record.partition(),
                    record.offset(), topic, message(letter.reason()));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the batch is not acknowledged, so it is delivered again: nothing is lost
            throw new IllegalStateException("dead letters of " + channel + " not acknowledged by Kafka", e);
        }
    }

    /** The channel's configured dead-letter topic, else {@code <topic>.dlq.<application>}. */
    String topic(String channel, String recordTopic) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse(Topics.deadLetter(recordTopic, application));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
