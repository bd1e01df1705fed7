package io.jixiao.report.service;

import io.jixiao.commons.persistence.KeyLocks;
import io.jixiao.commons.work.WorkHandler;
import io.jixiao.commons.work.WorkItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The queued reassembly of reports (kind {@value #KIND}): unit-years whose upstream snapshots changed, each announced
 * once as a {@link ReportContentChanged} ({@link ContentState} keeps what the report says and reopens a submitted one).
 * After each, the persistence context is flushed and cleared, so that the next one's queries do not check every
 * entity the batch has touched so far.
 */
@ApplicationScoped
public class ContentWork implements WorkHandler {

    /** The kind of work in the queue. */
    public static final String KIND = "report-content";

    private final Event<ReportContentChanged> changed;
    private final EntityManager em;

    public ContentWork(Event<ReportContentChanged> changed, EntityManager em) {
        this.changed = changed;
        this.em = em;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void process(List<WorkItem> items) {
        // every report's lock at once, in one order: two workers (replicas) or a worker and a request cannot deadlock
        KeyLocks.lockAll(items.stream().map(i -> ContentState.lockKey(i.unitCode(), i.fiscalYear())).toList());
        for (WorkItem item : items) {
            changed.fire(new ReportContentChanged(item.unitCode(), item.fiscalYear(), item.cause()));
            em.flush();
            em.clear();
        }
    }
}
