package io.jixiao.commons.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}) with the field-level list of what is
 * wrong (DESIGN §5).
 *
 * @param type     a URI reference naming the kind of problem (see {@link ProblemType})
 * @param title    short, human-readable summary of the kind
 * @param status   the HTTP status code
 * @param detail   explanation specific to this occurrence
 * @param instance the request path
 * @param errors   each bad field with what is wrong with it; empty when the problem is not about fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One bad field: a JSON path into the request body (or a parameter name) and what is wrong; for an uploaded
     * workbook also the sheet and cell ({@code 预算!B7}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String message, String cell) {

        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
