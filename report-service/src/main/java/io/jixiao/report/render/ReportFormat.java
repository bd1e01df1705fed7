package io.jixiao.report.render;

import io.jixiao.commons.web.ProblemException;
import java.util.List;
import java.util.Locale;

/** The formats a report is served in, chosen by {@code ?format=} or else by the {@code Accept} header. */
public enum ReportFormat {
    HTML("html", "text/html;charset=UTF-8", "html"),
    DOCX("docx", ReportFormat.DOCX_MEDIA_TYPE, "docx"),
    PDF("pdf", "application/pdf", "pdf"),
    JSON("json", "application/json", "json");

    /** Word's media type (also for the API document's annotations). */
    public static final String DOCX_MEDIA_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final String name;
    private final String mediaType;
    private final String extension;

    ReportFormat(String name, String mediaType, String extension) {
        this.name = name;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format asked for: the {@code format} parameter when given (html, docx, pdf, json), else the first
     * acceptable media type of {@code Accept} that is a report format, else JSON.
     */
    public static ReportFormat choose(String format, List<String> accept, List<ReportFormat> allowed) {
        if (format != null && !format.isBlank()) {
            for (ReportFormat f : allowed) {
                if (f.name.equals(format.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw ProblemException.badField("format", "must be one of "
                    + String.join(", ", allowed.stream().map(f -> f.name).toList()));
        }
        for (String header : accept == null ? List.<String>of() : accept) {
            for (String part : header.split(",")) {
                String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                for (ReportFormat f : allowed) {
                    if (f.mediaType.startsWith(type) && !type.isEmpty() && !type.contains("*")) {
                        return f;
                    }
                }
                if (type.equals("application/xhtml+xml") && allowed.contains(HTML)) {
                    return HTML;
                }
            }
        }
        return JSON;
    }
}
