package io.jixiao.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** report-service settings ({@code jixiao.report.*}). */
@ConfigMapping(prefix = "jixiao.report")
public interface ReportConfig {

    /**
     * A CJK TrueType font (.ttf, or a .ttc collection) to set PDF body text in instead of the bundled Noto Serif SC
     * subset, e.g. a full font for hanzi outside GB 2312. Unset: the bundled fonts, which need nothing on the machine.
     * CFF-based OpenType fonts (Noto CJK .otf/.ttc) do not work with PDFBox.
     */
    Optional<String> pdfFont();

    /** Days after the final-accounts approval (决算批复) by which the report must be published. */
    @WithDefault("20")
    int publicationDays();

    /** How many days ahead {@code GET /due} counts a publication as due soon. */
    @WithDefault("7")
    int dueSoonDays();

    /**
     * Names of staff categories by code, added to or overriding the built-in list (the codes of personnel-service's
     * reference list {@code staff-categories}), e.g. {@code jixiao.report.staff-categories.civil-servant=行政公务员}.
     */
    Map<String, String> staffCategories();

    /**
     * Report wording of movement kinds by code, added to or overriding the built-in list, as
     * {@code IN:公开招聘} or {@code OUT:调出人员} (the direction decides which group the movement is told in).
     */
    Map<String, String> movementKinds();
}
