package io.jixiao.commons.web;

import java.util.List;

/**
 * Every kind of problem the platform answers with, in one place: its URI ({@code urn:jixiao:problem:…}, the
 * {@code type} of the problem details), its HTTP status and its title. A client tells problems apart by the URI;
 * the detail says what happened this time.
 */
public enum ProblemType {
    /** Fields of the request that are wrong, each named (a 400 with {@code errors}). */
    INVALID_INPUT("invalid-input", 400, "Invalid input"),
    /** A body that is not JSON at all. */
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    /** A unit the register (or this service) does not know. */
    UNKNOWN_UNIT("unknown-unit", 404, "Unknown unit"),
    CONFLICT("conflict", 409, "Conflict"),
    /** A unit registered a moment ago that has not reached this service yet: try again. */
    UNIT_NOT_YET_KNOWN("unit-not-yet-known", 409, "Unit not yet known"),
    /** No indicator framework applies to the unit's region and year. */
    NO_FRAMEWORK("no-framework", 409, "No framework applies"),
    /** A report with error findings neither corrected nor explained cannot be submitted. */
    OPEN_FINDINGS("open-findings", 409, "Open error findings"),
    /** A report whose scores are not computed from its current figures yet. */
    SCORE_PENDING("score-pending", 409, "Score pending"),
    /** A report cannot be accepted or published without the date it was approved. */
    APPROVAL_DATE_MISSING("approval-date-missing", 409, "Approval date missing"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    /** An upload that is not a workbook the platform reads: not XLSX, macros, a password, a zip bomb, no template. */
    UNREADABLE_WORKBOOK("unreadable-workbook", 415, "Unreadable workbook"),
    /** The same Idempotency-Key with another request. */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key reused"),
    RATE_LIMITED("rate-limited", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    /** The services' API descriptions contradict each other (the gateway's platform document). */
    OPENAPI_CONFLICT("openapi-conflict", 502, "The services' API descriptions contradict each other"),
    /** A service's database is momentarily unreachable: nothing was stored. */
    UNAVAILABLE("unavailable", 503, "Service unavailable"),
    /** A service behind the gateway cannot be reached for its API description. */
    SERVICE_UNAVAILABLE("service-unavailable", 503, "A service's API description is unavailable"),
    /** The PDF's CJK font is not installed. */
    PDF_FONT_MISSING("pdf-font-missing", 503, "PDF font missing"),
    /** The configured PDF font cannot be embedded. */
    PDF_FONT_UNSUPPORTED("pdf-font-unsupported", 503, "PDF font unsupported");

    private static final String PREFIX = "urn:jixiao:problem:";

    private final String uri;
    private final int status;
    private final String title;

    ProblemType(String name, int status, String title) {
        this.uri = PREFIX + name;
        this.status = status;
        this.title = title;
    }

    /** The problem's {@code type}, e.g. {@code urn:jixiao:problem:invalid-input}. */
    public String uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The problem details of one occurrence. */
    public Problem problem(String detail, String instance, List<Problem.FieldError> errors) {
        return new Problem(uri, title, status, detail, instance, errors);
    }

    /** The type of a status the platform has no kind of its own for ({@code urn:jixiao:problem:http-405} …). */
    public static String ofStatus(int status) {
        return PREFIX + "http-" + status;
    }
}
