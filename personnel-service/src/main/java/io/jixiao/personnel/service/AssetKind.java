package io.jixiao.personnel.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.reconciliation.Reconciler;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.commons.web.Problem;
import io.jixiao.events.Topics;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.personnel.AssetSnapshot;
import io.jixiao.personnel.api.AssetDocument;
import io.jixiao.personnel.mapping.PersonnelMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The asset register at year end (资产情况) as a unit-year document: reconciled with
 * {@code reconciliation/assets.yaml}; published on {@link Topics#ASSETS}.
 */
@ApplicationScoped
public class AssetKind implements PersonnelKind<AssetDocument, io.jixiao.events.personnel.AssetDocument> {

    private final Reconciler reconciler = new Reconciler(RuleSet.load("assets"));
    private final ObjectMapper mapper;
    private final PersonnelMapping mapping;

    public AssetKind(ObjectMapper mapper, PersonnelMapping mapping) {
        this.mapper = mapper;
        this.mapping = mapping;
    }

    @Override
    public String name() {
        return "assets";
    }

    @Override
    public Class<AssetDocument> type() {
        return AssetDocument.class;
    }

    @Override
    public String topic() {
        return Topics.ASSETS;
    }

    @Override
    public String eventType() {
        return AssetSnapshot.TYPE;
    }

    @Override
    public List<Problem.FieldError> check(int fiscalYear, AssetDocument assets, String prefix) {
        List<Problem.FieldError> errors = new ArrayList<>();
        checkAsOf(fiscalYear, assets.asOf(), prefix, errors);
        return errors;
    }

    @Override
    public io.jixiao.events.personnel.AssetDocument contract(AssetDocument assets) {
        return mapping.toContract(assets);
    }

    @Override
    public List<Finding> reconcile(io.jixiao.events.personnel.AssetDocument assets) {
        return reconciler.check(mapper.valueToTree(assets));
    }

    @Override
    public Object snapshot(String unitCode, int fiscalYear, io.jixiao.events.personnel.AssetDocument assets,
            List<Finding> findings) {
        return new AssetSnapshot(unitCode, fiscalYear, assets, findings);
    }

    /** A document of a fiscal year states figures as of a day in that year (截至 2024-12-31 for 2024). */
    static void checkAsOf(int fiscalYear, LocalDate asOf, String prefix, List<Problem.FieldError> errors) {
        if (asOf != null && asOf.getYear() != fiscalYear) {
            errors.add(new Problem.FieldError(prefix + "asOf", "must be a day of fiscal year " + fiscalYear));
        }
    }
}
