package io.jixiao.report.service;

import io.jixiao.commons.documents.DocumentKind;
import io.jixiao.events.findings.Finding;
import io.jixiao.report.model.NarrativeDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The narratives as a unit-year document: kept with their versions and history in the store every service uses, not
 * reconciled (prose has no identities to check) and not published (the report is what they are for).
 */
@ApplicationScoped
public class NarrativeKind implements DocumentKind<NarrativeDocument> {

    @Override
    public String name() {
        return "narratives";
    }

    @Override
    public Class<NarrativeDocument> type() {
        return NarrativeDocument.class;
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
    public List<Finding> reconcile(String unitCode, int fiscalYear, NarrativeDocument document) {
        return List.of();
    }

    @Override
    public Object snapshot(String unitCode, int fiscalYear, NarrativeDocument document, List<Finding> findings) {
        return null;
    }
}
