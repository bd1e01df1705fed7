package io.jixiao.report.service;

import io.jixiao.commons.documents.KeptDocumentKind;
import io.jixiao.report.model.NarrativeDocument;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The narratives as a unit-year document: kept with their versions and history in the store every service uses, not
 * reconciled (prose has no identities to check) and not published (the report is what they are for).
 */
@ApplicationScoped
public class NarrativeKind extends KeptDocumentKind<NarrativeDocument> {

    public NarrativeKind() {
        super("narratives", NarrativeDocument.class);
    }
}
