package io.jixiao.commons.documents;

import io.jixiao.events.findings.Finding;
import java.util.List;

/**
 * A kind of unit-year document a service keeps (budget, staff, assets): its payload type, the rules it is
 * reconciled with, and the event that carries it.
 */
public interface DocumentKind<D> {

    /** Stored kind name, e.g. {@code budget}. */
    String name();

    Class<D> type();

    /** The topic its snapshots go to; null for a document that is kept with its history but not published itself. */
    String topic();

    /** The event type of its snapshots. */
    String eventType();

    /** The findings of a document. */
    List<Finding> reconcile(String unitCode, int fiscalYear, D document);

    /** The event payload: the whole current state with its findings. */
    Object snapshot(String unitCode, int fiscalYear, D document, List<Finding> findings);
}
