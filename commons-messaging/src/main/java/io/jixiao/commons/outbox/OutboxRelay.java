package io.jixiao.commons.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks them sent. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas of a service can relay side by side; a row is
 * marked published only after the broker acknowledged it, so a crash or an unreachable broker delays
 * events but never loses them (at-least-once; consumers are idempotent by version).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final EntityManager em;
    private final int batchSize;
    private final Duration sendTimeout;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });

    public OutboxRelay(@Channel("outbox") MutinyEmitter<String> emitter, EntityManager em, MeterRegistry registry,
            @ConfigProperty(name = "jixiao.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "jixiao.outbox.send-timeout", defaultValue = "10s") Duration sendTimeout) {
        this.emitter = emitter;
        this.em = em;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        registry.gauge("jixiao.outbox.pending", this, OutboxRelay::pendingSafely);
    }

    /** Asks for a relay pass soon, e.g. right after a transaction that wrote to the outbox committed. */
    public void wake() {
        if (!woken.getAndSet(true)) {
            worker.execute(this::drainWhileWoken);
        }
    }

    /** The fallback: catches what a wake-up missed and retries what the broker refused. */
    @Scheduled(every = "${jixiao.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        wake();
    }

    private void drainWhileWoken() {
        synchronized (worker) {
            while (woken.getAndSet(false)) {
                try {
                    int sent;
                    do {
                        sent = relayBatch();
                    } while (sent == batchSize);
                } catch (RuntimeException e) {
                    LOG.debugf(e, "outbox relay pass failed; rows stay pending");
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdown();
    }

    /** Publishes one batch of pending rows; returns how many were published. */
    @Transactional
    public int relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery(
                "select * from outbox_event where published_at is null order by id limit :n for update skip locked",
                OutboxEvent.class).setParameter("n", batchSize).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        CompletableFuture<?>[] acks = new CompletableFuture<?>[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            OutboxEvent row = rows.get(i);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            Message<String> message = Message.of(row.payload)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                            .withTopic(row.topic)
                            .withKey(row.eventKey)
                            .build())
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    });
            emitter.sendMessageAndForget(message);
            acks[i] = ack;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int published = 0;
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (int i = 0; i < rows.size(); i++) {
            OutboxEvent row = rows.get(i);
            try {
                acks[i].get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                row.publishedAt = now;
                published++;
            } catch (Exception e) {
                row.attempts++;
                row.lastError = String.valueOf(e.getCause() != null ? e.getCause() : e);
            }
        }
        if (published < rows.size()) {
            LOG.warnf("outbox: %d of %d events not acknowledged by Kafka yet; they stay pending",
                    rows.size() - published, rows.size());
        }
        return published;
    }

    private double pendingSafely() {
        try {
            return QuarkusTransaction.requiringNew().call(OutboxEvent::pendingCount);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
