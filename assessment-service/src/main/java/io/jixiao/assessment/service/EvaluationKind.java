package io.jixiao.assessment.service;

import io.jixiao.assessment.scoring.EvaluationInputs;
import io.jixiao.commons.documents.KeptDocumentKind;
import jakarta.enterprise.context.ApplicationScoped;

/** What a unit states for its self-evaluation, kept with its history; published only through the scores. */
@ApplicationScoped
public class EvaluationKind extends KeptDocumentKind<EvaluationInputs> {

    public EvaluationKind() {
        super("evaluation", EvaluationInputs.class);
    }
}
