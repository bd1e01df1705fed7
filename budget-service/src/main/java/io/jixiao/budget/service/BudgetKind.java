package io.jixiao.budget.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.budget.api.BudgetDocument;
import io.jixiao.budget.mapping.BudgetMapping;
import io.jixiao.commons.documents.DocumentKind;
import io.jixiao.commons.documents.UnitYearDocuments;
import io.jixiao.commons.reconciliation.Reconciler;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.events.Topics;
import io.jixiao.events.budget.BudgetSnapshot;
import io.jixiao.events.budget.DerivedFigures;
import io.jixiao.events.findings.Finding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The budget as a unit-year document: kept as pushed, reconciled with {@code reconciliation/budget.yaml} together with
 * the figures derived from it, and published as a snapshot of the contract with those figures.
 */
@ApplicationScoped
public class BudgetKind implements DocumentKind<BudgetDocument, BudgetKind.Facts> {

    /** The budget in the contract's terms with the figures derived from it, derived once per push. */
    public record Facts(io.jixiao.events.budget.BudgetDocument budget, DerivedFigures derived) {
    }

    private final Reconciler reconciler = new Reconciler(RuleSet.load("budget"));
    private final ObjectMapper mapper;
    private final BudgetMapping mapping;

    private final UnitYearDocuments documents;

    public BudgetKind(ObjectMapper mapper, BudgetMapping mapping, UnitYearDocuments documents) {
        this.mapper = mapper;
        this.mapping = mapping;
        this.documents = documents;
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
    public Facts contract(BudgetDocument document) {
        io.jixiao.events.budget.BudgetDocument budget = mapping.toContract(document);
        return new Facts(budget, Derivation.of(budget));
    }

    @Override
    public List<Finding> reconcile(Facts facts) {
        return reconciler.check(tree(facts));
    }

    /** The budget with the year before's as the platform holds it, for the 上年数 the budget states. */
    @Override
    public List<Finding> reconcile(String unitCode, int fiscalYear, Facts facts) {
        ObjectNode tree = tree(facts);
        documents.get(this, unitCode, fiscalYear - 1).ifPresent(prior -> tree.set(Reconciler.PRIOR_YEAR,
                mapper.valueToTree(mapping.toContract(prior.document()))));
        return reconciler.check(tree);
    }

    private ObjectNode tree(Facts facts) {
        ObjectNode tree = mapper.valueToTree(facts.budget());
        tree.set("derived", mapper.valueToTree(facts.derived())); // the rules read a null figure as not stated
        return tree;
    }

    @Override
    public Object snapshot(String unitCode, int fiscalYear, Facts facts, List<Finding> findings) {
        return new BudgetSnapshot(unitCode, fiscalYear, facts.budget(), facts.derived(), findings);
    }

    public Reconciler reconciler() {
        return reconciler;
    }
}
