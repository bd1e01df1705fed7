package io.jixiao.personnel.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.reconciliation.Reconciler;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.commons.web.Problem;
import io.jixiao.events.Topics;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.personnel.StaffSnapshot;
import io.jixiao.personnel.api.StaffDocument;
import io.jixiao.personnel.mapping.PersonnelMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Staff at year end (人员情况) as a unit-year document: category codes and movement kinds must be in the reference
 * lists; reconciled with {@code reconciliation/staff.yaml}; published on {@link Topics#PERSONNEL}.
 */
@ApplicationScoped
public class StaffKind implements PersonnelKind<StaffDocument, io.jixiao.events.personnel.StaffDocument> {

    private final Reconciler reconciler = new Reconciler(RuleSet.load("staff"));
    private final ObjectMapper mapper;
    private final ReferenceLists lists;
    private final PersonnelMapping mapping;

    public StaffKind(ObjectMapper mapper, ReferenceLists lists, PersonnelMapping mapping) {
        this.mapper = mapper;
        this.lists = lists;
        this.mapping = mapping;
    }

    @Override
    public String name() {
        return "staff";
    }

    @Override
    public Class<StaffDocument> type() {
        return StaffDocument.class;
    }

    @Override
    public String topic() {
        return Topics.PERSONNEL;
    }

    @Override
    public String eventType() {
        return StaffSnapshot.TYPE;
    }

    @Override
    public List<Problem.FieldError> check(int fiscalYear, StaffDocument staff, String prefix) {
        List<Problem.FieldError> errors = new ArrayList<>();
        AssetKind.checkAsOf(fiscalYear, staff.asOf(), prefix, errors);
        Set<String> categories = lists.categoryCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; staff.categories() != null && i < staff.categories().size(); i++) {
            String code = staff.categories().get(i).category();
            String field = prefix + "categories[" + i + "].category";
            if (!categories.contains(code)) {
                errors.add(new Problem.FieldError(field,
                        "unknown staff category (see /api/personnel/reference/staff-categories)"));
            } else if (!seen.add(code)) {
                errors.add(new Problem.FieldError(field, "category given twice"));
            }
        }
        if (staff.movements() != null) {
            Set<String> kinds = lists.directions().keySet();
            seen.clear();
            for (int i = 0; i < staff.movements().size(); i++) {
                String code = staff.movements().get(i).kind();
                String field = prefix + "movements[" + i + "].kind";
                if (!kinds.contains(code)) {
                    errors.add(new Problem.FieldError(field,
                            "unknown movement kind (see /api/personnel/reference/movement-kinds)"));
                } else if (!seen.add(code)) {
                    errors.add(new Problem.FieldError(field, "movement kind given twice"));
                }
            }
        }
        return errors;
    }

    @Override
    public io.jixiao.events.personnel.StaffDocument contract(StaffDocument staff) {
        return mapping.toContract(staff);
    }

    @Override
    public List<Finding> reconcile(io.jixiao.events.personnel.StaffDocument staff) {
        return reconciler.check(StaffFigures.tree(mapper, staff, lists.directions()));
    }

    @Override
    public Object snapshot(String unitCode, int fiscalYear, io.jixiao.events.personnel.StaffDocument staff,
            List<Finding> findings) {
        return new StaffSnapshot(unitCode, fiscalYear, staff, findings);
    }
}
