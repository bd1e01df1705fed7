package io.jixiao.report;

import io.jixiao.report.config.ReportConfig;
import java.util.Map;
import java.util.Optional;

/** report-service's settings for tests without a server: a font override and code names as given, the rest default. */
public record TestReportConfig(Optional<String> pdfFont, Map<String, String> staffCategories,
        Map<String, String> movementKinds) implements ReportConfig {

    @Override
    public int publicationDays() {
        return 20;
    }

    @Override
    public int dueSoonDays() {
        return 7;
    }
}
