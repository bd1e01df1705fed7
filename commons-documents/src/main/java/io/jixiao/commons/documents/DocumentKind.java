package io.jixiao.commons.documents;

import io.jixiao.events.findings.Finding;
import java.util.List;

/**
 * A kind of unit-year document a service keeps (budget, staff, assets): its payload type, the rules it is
 * reconciled with, and the event that carries it.
 *
 * @param <D> the document as pushed (the API record)
 * @param <C> what its rules and its snapshot read: the document in the event contract's terms, with any figures
 *            derived from it, made once per push
 */
public interface DocumentKind<D, C> {

    /** Stored kind name, e.g. {@code budget}. */
    String name();

    Class<D> type();

    /** The topic its snapshots go to; null for a document that is kept with its history but not published itself. */
    String topic();

    /** The event type of its snapshots. */
    String eventType();

    /** The pushed document in the contract's terms: called once per push that changes something. */
    C contract(D document);

    /** The findings of a document, on its own. */
    List<Finding> reconcile(C contract);

    /**
     * The findings of a unit-year's document, where a kind may also hold it against the unit's other years (the
     * budget's 上年数 against the year before); by default the document on its own.
     */
    default List<Finding> reconcile(String unitCode, int fiscalYear, C contract) {
        return reconcile(contract);
    }

    /** The event payload: the whole current state with its findings. */
    Object snapshot(String unitCode, int fiscalYear, C contract, List<Finding> findings);
}
