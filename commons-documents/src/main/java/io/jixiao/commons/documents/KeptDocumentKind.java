package io.jixiao.commons.documents;

import io.jixiao.events.findings.Finding;
import java.util.List;

/**
 * A unit-year document kept with its versions and history in the store, neither reconciled (it states nothing to
 * check against itself) nor published on its own: a unit's self-evaluation statement, a report's narratives.
 */
public abstract class KeptDocumentKind<D> implements DocumentKind<D, D> {

    private final String name;
    private final Class<D> type;

    protected KeptDocumentKind(String name, Class<D> type) {
        this.name = name;
        this.type = type;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<D> type() {
        return type;
    }

    @Override
    public String topic() {
        return null;
    }

    @Override
    public String eventType() {
        return null;
    }

    @Override
    public D contract(D document) {
        return document;
    }

    @Override
    public List<Finding> reconcile(D document) {
        return List.of();
    }

    /** Never asked for: a document without a topic publishes no snapshot. */
    @Override
    public Object snapshot(String unitCode, int fiscalYear, D document, List<Finding> findings) {
        return null;
    }
}
