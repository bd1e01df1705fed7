package io.jixiao.report.service;

import io.jixiao.commons.json.StoredJson;
import io.jixiao.events.findings.Finding;
import io.jixiao.report.model.ReportModel.ReportFinding;
import io.jixiao.report.writing.ReportFindings;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every finding of every unit-year of a fiscal year (and region), for finance's export: the findings the budget,
 * personnel, asset and score snapshots carry as this service holds them ({@code upstream_snapshot}), each with the
 * unit's explanation of its rule (情况说明) and whether it blocks submission, exactly as the unit-year's report lists
 * them. Read in one query whose rows the database hands over a few hundred at a time, so that tens of thousands of
 * units pass in bounded memory.
 *
 * <p>The report's own findings (data or narratives missing from the report, all INFO) are not held anywhere: they
 * arise while a report is written, and writing 50,000 reports is not an export. They are not in these rows.
 */
@ApplicationScoped
public class YearFindings {

    /** A finding of a unit-year, with who the unit is. */
    public record Row(String unitCode, String unitName, String region, int fiscalYear, ReportFinding finding) {
    }

    private static final int FETCH = 500;

    /**
     * How long an export's read may take: its rows are written to the client as they are read, so a slow client
     * holds the transaction open; the default of 60 s would end a large export half-way.
     */
    public static final int STREAMING_TIMEOUT_SECONDS = 1_800;

    /** The kinds in the order a report lists their findings (budget, personnel, assets, scores). */
    private static final String KIND_ORDER = Stream.of(SnapshotKind.values())
            .map(k -> "when '" + k.stored() + "' then " + k.ordinal())
            .collect(Collectors.joining(" ", "case s.kind ", " end"));

    private final EntityManager em;
    private final StoredJson json;

    public YearFindings(EntityManager em, StoredJson json) {
        this.em = em;
        this.json = json;
    }

    /** Hands every finding of the year (region) to {@code sink}: by unit code, then as the unit's report lists them. */
    @Transactional(Transactional.TxType.REQUIRED)
    @TransactionConfiguration(timeout = STREAMING_TIMEOUT_SECONDS)
    public void rows(int fiscalYear, String region, Consumer<Row> sink) {
        var q = em.createNativeQuery("select s.unit_code, u.name, u.region, s.fiscal_year, s.kind,"
                + " cast(f.finding as text), e.explanation"
                + " from upstream_snapshot s"
                + " left join known_unit u on u.unit_code = s.unit_code"
                + " cross join lateral jsonb_array_elements(case jsonb_typeof(s.payload -> 'findings')"
                + " when 'array' then s.payload -> 'findings' else cast('[]' as jsonb) end)"
                + " with ordinality as f(finding, ord)"
                + " left join finding_explanation e on e.unit_code = s.unit_code and e.fiscal_year = s.fiscal_year"
                + " and e.rule_id = f.finding ->> 'ruleId'"
                + " where s.fiscal_year = :year" + (region == null ? "" : " and u.region = :region")
                + " order by s.unit_code, " + KIND_ORDER + ", f.ord");
        q.setParameter("year", fiscalYear).setHint("org.hibernate.fetchSize", FETCH);
        if (region != null) {
            q.setParameter("region", region);
        }
        @SuppressWarnings("unchecked")
        Stream<Object[]> rows = q.getResultStream();
        try (rows) {
            for (Iterator<Object[]> it = rows.iterator(); it.hasNext();) {
                Object[] r = it.next();
                Finding finding = json.read((String) r[5], Finding.class);
                sink.accept(new Row((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                        ReportFindings.finding((String) r[4], finding, (String) r[6])));
            }
        }
    }
}
