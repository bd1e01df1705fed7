package io.jixiao.commons.work;

import io.jixiao.commons.messaging.TransientFailure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Works off the {@link WorkQueue}, one thread per kind of work: woken when a transaction that queued work commits,
 * and every second besides (for work another replica queued, or a wake-up that found the database away). Each pass
 * claims a batch and hands it to the kind's {@link WorkHandler} in one transaction; a batch that fails goes back to the
 * queue and is tried again at the next pass, or (failing for another reason than a passing one) is worked on one
 * unit-year at a time, and a unit-year that fails on its own is left out with the reason, unless the JVM ran out of
 * memory: then it stays queued behind the others.
 */
@ApplicationScoped
public class WorkRunner {

    private static final Logger LOG = Logger.getLogger(WorkRunner.class);

    private final Map<String, WorkHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, ExecutorService> workers = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> woken = new ConcurrentHashMap<>();
    private final int batchSize;
    @Inject
    WorkQueue queue;

    public WorkRunner(Instance<WorkHandler> found,
            @ConfigProperty(name = "jixiao.work.batch-size", defaultValue = "200") int batchSize) {
        this.batchSize = batchSize;
        for (WorkHandler handler : found) {
            handlers.put(handler.kind(), handler);
            woken.put(handler.kind(), new AtomicBoolean());
            workers.put(handler.kind(), Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "work-" + handler.kind());
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /** Asks for a pass over the kind's queue soon. */
    public void wake(String kind) {
        AtomicBoolean flag = woken.get(kind);
        if (flag != null && !flag.getAndSet(true)) {
            workers.get(kind).execute(() -> drain(kind));
        }
    }

    @Scheduled(every = "${jixiao.work.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        handlers.keySet().forEach(this::wake);
    }

    private void drain(String kind) {
        WorkHandler handler = handlers.get(kind);
        while (woken.get(kind).getAndSet(false)) {
            try {
                int done;
                do {
                    done = QuarkusTransaction.requiringNew().call(() -> {
                        List<WorkItem> items = queue.claim(kind, batchSize);
                        if (!items.isEmpty()) {
                            handler.process(items);
                        }
                        return items.size();
                    });
                } while (done == batchSize);
            } catch (RuntimeException e) {
                if (TransientFailure.isTransient(e)) {
                    LOG.warnf("%s: a pass over the queue failed, its batch stays queued: %s", kind, e);
                } else {
                    LOG.errorf(e, "%s: a batch failed; working on its unit-years one by one", kind);
                    oneByOne(kind, handler);
                }
            }
        }
    }

    /** Works on the queue's oldest unit-years one at a time; one that fails on its own is left out, with the reason. */
    private void oneByOne(String kind, WorkHandler handler) {
        for (int i = 0; i < batchSize; i++) {
            WorkItem[] taken = new WorkItem[1];
            try {
                int done = QuarkusTransaction.requiringNew().call(() -> {
                    List<WorkItem> items = queue.claim(kind, 1);
                    if (items.isEmpty()) {
                        return 0;
                    }
                    taken[0] = items.get(0);
                    handler.process(items);
                    return 1;
                });
                if (done == 0) {
                    return;
                }
            } catch (RuntimeException e) {
                if (TransientFailure.isTransient(e) || taken[0] == null) {
                    LOG.warnf("%s: the queue stays as it is for now: %s", kind, e);
                    return;
                }
                if (outOfMemory(e)) {
                    // the JVM was short of memory, which says nothing against this unit-year: never left out for it
                    LOG.errorf(e, "%s: %s %d ran out of memory; it stays queued, behind the others", kind,
                            taken[0].unitCode(), taken[0].fiscalYear());
                    QuarkusTransaction.requiringNew().run(() -> queue.postpone(kind, taken[0]));
                    continue;
                }
                LOG.errorf(e, "%s: %s %d cannot be worked on (%s); left out of the queue", kind,
                        taken[0].unitCode(), taken[0].fiscalYear(), taken[0].cause());
                QuarkusTransaction.requiringNew().run(() -> queue.remove(kind, taken[0]));
            }
        }
    }

    /** Whether the JVM running out of memory is in the failure's cause chain. */
    static boolean outOfMemory(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    void stop(@Observes ShutdownEvent stop) {
        workers.values().forEach(ExecutorService::shutdown);
    }
}
