package io.jixiao.assessment.service;

import io.jixiao.assessment.scoring.EvaluationInputs;
import io.jixiao.commons.documents.DocumentKind;
import io.jixiao.events.findings.Finding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What a unit states for its self-evaluation, kept with its history; published only through the scores. */
@ApplicationScoped
public class EvaluationKind implements DocumentKind<EvaluationInputs> {

    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public Class<EvaluationInputs> type() {
        return EvaluationInputs.class;
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
    public List<Finding> reconcile(String unitCode, int fiscalYear, EvaluationInputs document) {
        return List.of();
    }

    @Override
    public Object snapshot(String unitCode, int fiscalYear, EvaluationInputs document, List<Finding> findings) {
        return document;
    }
}
