package io.jixiao.report.writing;

import io.jixiao.commons.api.Finding.FigureRef;
import io.jixiao.events.findings.Finding;
import io.jixiao.events.findings.Severity;
import io.jixiao.report.model.Held;
import io.jixiao.report.model.ReportModel.ReportFinding;
import io.jixiao.report.model.ReportModel.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the internal report lists beside the text: every finding of the figures it rests on, with the unit's
 * explanation and whether it blocks submission, and the snapshots it was assembled from.
 */
public final class ReportFindings {

    private ReportFindings() {
    }

    static List<ReportFinding> findings(ReportInputs in, List<Finding> ownFindings) {
        List<ReportFinding> out = new ArrayList<>();
        if (in.budget() != null) {
            add(out, "budget", in.budget().payload().findings(), in.explanations());
        }
        if (in.staff() != null) {
            add(out, "personnel", in.staff().payload().findings(), in.explanations());
        }
        if (in.assets() != null) {
            add(out, "assets", in.assets().payload().findings(), in.explanations());
        }
        if (in.scores() != null) {
            add(out, "scores", in.scores().payload().findings(), in.explanations());
        }
        add(out, "report", ownFindings, in.explanations());
        return out;
    }

    private static void add(List<ReportFinding> out, String origin, List<Finding> findings,
            Map<String, String> explanations) {
        if (findings == null) {
            return;
        }
        for (Finding f : findings) {
            out.add(finding(origin, f, explanations == null ? null : explanations.get(f.ruleId())));
        }
    }

    /**
     * A finding of a snapshot (or the report's own) as the report lists it: with the unit's explanation of its rule,
     * if any, and blocking when it is an error nobody has explained.
     */
    public static ReportFinding finding(String origin, Finding f, String explanation) {
        boolean blocking = f.severity() == Severity.ERROR && explanation == null;
        return new ReportFinding(origin, f.ruleId(), f.severity() == null ? null : f.severity().name(), f.title(),
                f.message(), f.figures() == null ? List.of() : f.figures().stream().map(FigureRef::of).toList(),
                f.expected(), f.stated(), f.difference(), f.unit(), f.subject(), explanation, blocking);
    }

    static List<Source> sources(ReportInputs in) {
        List<Source> out = new ArrayList<>();
        source(out, "units", in.unit());
        source(out, "budget", in.budget());
        source(out, "personnel", in.staff());
        source(out, "assets", in.assets());
        source(out, "scores", in.scores());
        return out;
    }

    private static void source(List<Source> out, String kind, Held<?> held) {
        if (held != null) {
            out.add(new Source(kind, held.version(), held.eventId(), held.source(), held.actor(),
                    held.occurredAt() == null ? null : held.occurredAt().toInstant().toString()));
        }
    }
}
