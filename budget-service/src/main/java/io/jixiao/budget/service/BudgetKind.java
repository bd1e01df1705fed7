package io.jixiao.budget.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.documents.DocumentKind;
import io.jixiao.commons.reconciliation.Reconciler;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetDocument;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.budget.DerivedFigures;
import io.jixiao.events.findings.Finding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The budget as a unit-year document: reconciled with {@code reconciliation/budget.yaml}, published as a snapshot. */
@ApplicationScoped
public class BudgetKind implements DocumentKind<BudgetDocument> {

    private final Reconciler reconciler = new Reconciler(RuleSet.load("budget"));
    private final ObjectMapper mapper;

    public BudgetKind(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "budget";
    }

    @Override
    public Class<BudgetDocument> type() {
        return BudgetDocument.class;
    }

    @Override
    public String topic() {
        return Topics.BUDGET;
    }

    @Override
    public String eventType() {
        return BudgetSnapshot.TYPE;
    }

    @Override
    public List<Finding> reconcile(String unitCode, int fiscalYear, BudgetDocument document) {
        ObjectNode tree = mapper.valueToTree(document);
        DerivedFigures figures = Derivation.of(document);
        tree.set("derived", mapper.valueToTree(figures)); // the rules read a null figure as not stated
        return reconciler.check(tree);
    }

    @Override
    public Object snapshot(String unitCode, int fiscalYear, BudgetDocument document, List<Finding> findings) {
        return new BudgetSnapshot(unitCode, fiscalYear, document, Derivation.of(document), findings);
    }

    public Reconciler reconciler() {
        return reconciler;
    }
}
