package io.jixiao.commons.reconciliation;

import io.jixiao.commons.reconciliation.Reconciler.Figure;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Finding.FigureRef;
import io.jixiao.events.findings.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The findings of one document, and the checks it did not allow, reported together at the end. */
final class Results {

    private final String uncheckedId;
    private final List<Finding> findings = new ArrayList<>();
    /** Per rule not checked (in rule order): what was missing, and the items of a per-item rule it was. */
    private final Map<Rule, Unchecked> unchecked = new LinkedHashMap<>();
    private final Map<String, FigureRef> missing = new LinkedHashMap<>();

    Results(String uncheckedId) {
        this.uncheckedId = uncheckedId;
    }

    void add(Finding finding) {
        findings.add(finding);
    }

    void unchecked(Rule rule, String subject, List<Figure> absent) {
        Unchecked entry = unchecked.computeIfAbsent(rule, r -> new Unchecked(new LinkedHashSet<>(),
                new ArrayList<>()));
        absent.forEach(f -> entry.why().add(f.why()));
        if (subject != null) {
            entry.subjects().add(subject);
        }
        for (FigureRef ref : Reconciler.refs(absent, rule.unit())) {
            missing.putIfAbsent(ref.path(), ref);
        }
    }

    List<Finding> all() {
        if (unchecked.isEmpty()) {
            return findings;
        }
        List<String> entries = new ArrayList<>();
        unchecked.forEach((rule, entry) -> entries.add("%s（%s%s）".formatted(rule.title(),
                String.join("、", entry.why()),
                entry.subjects().isEmpty() ? "" : "：" + String.join("、", entry.subjects()))));
        List<Finding> all = new ArrayList<>(findings);
        all.add(new Finding(uncheckedId, Severity.INFO, "未能核对的勾稽关系",
                "未能核对：" + String.join("；", entries), List.copyOf(missing.values()), null, null, null, null,
                null));
        return all;
    }

    private record Unchecked(Set<String> why, List<String> subjects) {
    }
}
