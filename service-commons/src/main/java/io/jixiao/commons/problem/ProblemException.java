package io.jixiao.commons.problem;

import java.util.List;

/** Thrown by services to answer with a problem details body. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        this(status, type, title, detail, errors, null);
    }

    private ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same problem, telling the client when trying again may succeed ({@code Retry-After}). */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(status, type, title, getMessage(), errors, seconds);
    }

    /** Seconds after which the request may succeed, or null when repeating it will not help. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, Problem.INVALID_INPUT, "Invalid input", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 naming each bad field. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return invalid(errors.size() + " field(s) are invalid", errors);
    }

    /** A 400 naming each bad field, with what they have in common. */
    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, Problem.INVALID_INPUT, "Invalid input", detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "urn:jixiao:problem:not-found", "Not found", detail, List.of());
    }

    public static ProblemException unknownUnit(String unitCode) {
        return new ProblemException(404, "urn:jixiao:problem:unknown-unit", "Unknown unit",
                "no unit " + unitCode + " is registered", List.of(new Problem.FieldError("unitCode", "unknown unit")));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "urn:jixiao:problem:conflict", "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors);
    }
}
