package io.jixiao.commons.web;

import java.util.List;

/** Thrown to answer with problem details: the kind of problem, what happened this time, and the bad fields. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, null);
    }

    private ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors,
            Integer retryAfterSeconds) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same problem, telling the client when trying again may succeed ({@code Retry-After}). */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(type, getMessage(), errors, seconds);
    }

    /** Seconds after which the request may succeed, or null when repeating it will not help. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A 400 naming each bad field. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return invalid(errors.size() + " field(s) are invalid", errors);
    }

    /** A 400 naming each bad field, with what they have in common. */
    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(ProblemType.INVALID_INPUT, detail, errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemType.NOT_FOUND, detail, List.of());
    }

    public static ProblemException unknownUnit(String unitCode) {
        return new ProblemException(ProblemType.UNKNOWN_UNIT, "no unit " + unitCode + " is registered",
                List.of(new Problem.FieldError("unitCode", "unknown unit")));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail, List.of());
    }

    /** The bad fields. */
    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** The same problem with other field errors (e.g. each located in its workbook cell) and detail. */
    public ProblemException withErrors(String detail, List<Problem.FieldError> located) {
        return new ProblemException(type, detail, located, retryAfterSeconds);
    }

    public ProblemType type() {
        return type;
    }

    public int status() {
        return type.status();
    }

    public Problem toProblem(String instance) {
        return type.problem(getMessage(), instance, errors);
    }
}
