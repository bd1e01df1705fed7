package io.jixiao.commons.work;

import java.util.List;

/**
 * Does one kind of queued work ({@link WorkQueue}) for a batch of unit-years, in the transaction that claimed them: if
 * it fails, the batch goes back to the queue.
 */
public interface WorkHandler {

    /** The kind of work, as queued (e.g. {@code score}). */
    String kind();

    /** Does the work for the unit-years, each once, in the caller's transaction. */
    void process(List<WorkItem> items);
}
