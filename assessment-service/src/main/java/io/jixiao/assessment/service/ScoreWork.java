package io.jixiao.assessment.service;

import io.jixiao.commons.work.WorkHandler;
import io.jixiao.commons.work.WorkItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queued scoring (kind {@value #KIND}): unit-years whose facts or unit changed, or every unit-year after a
 * framework was loaded, scored a batch at a time however often each was queued.
 */
@ApplicationScoped
public class ScoreWork implements WorkHandler {

    /** The kind of work in the queue. */
    public static final String KIND = "score";

    private final ScoringService scoring;

    public ScoreWork(ScoringService scoring) {
        this.scoring = scoring;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void process(List<WorkItem> items) {
        Map<UnitYear, String> causes = new LinkedHashMap<>();
        items.forEach(i -> causes.put(new UnitYear(i.unitCode(), i.fiscalYear()), i.cause()));
        scoring.rescore(causes);
    }
}
