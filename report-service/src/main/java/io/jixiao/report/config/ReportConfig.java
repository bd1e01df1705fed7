package io.jixiao.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** report-service settings ({@code jixiao.report.*}). */
@ConfigMapping(prefix = "jixiao.report")
public interface ReportConfig {

    /**
     * The CJK TrueType font embedded (subset) in PDFs. A TrueType collection (.ttc) or font (.ttf): CFF-based
     * OpenType fonts (Noto CJK .otf/.ttc) do not work with PDFBox. Debian: {@code fonts-wqy-zenhei}.
     */
    @WithDefault("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
    String pdfFont();

    /** The font's family name as the PDF's CSS names it. */
    @WithDefault("WenQuanYi Zen Hei")
    String pdfFontFamily();

    /**
     * A font for the few characters the CJK font lacks (e.g. the minus sign − in findings), used only where it
     * exists; DejaVu Sans from Debian's {@code fonts-dejavu-core} by default.
     */
    @WithDefault("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    String pdfFallbackFont();

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
