package io.jixiao.commons.problem;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.jixiao.commons.web.Problem;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON value, in words a client can act on: the field (a JSON path into the body) and what it
 * must be ({@code must be a number}, {@code required}, {@code must be one of …}). Never Jackson's own message, which
 * names Java classes and deserialization features.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** The field and message for a value Jackson could not map. */
    public static Problem.FieldError describe(JsonMappingException e) {
        String path = path(e);
        return new Problem.FieldError(path.isEmpty() ? "body" : path, message(e));
    }

    /** The JSON path of a failure: {@code revenue.items[0].amount}; empty for the body itself. */
    public static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause
                && cause.getMessage() != null) {
            return cause.getMessage(); // the document's own check, in its own words
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isPrimitive() && e.getOriginalMessage() != null
                    && e.getOriginalMessage().contains("null")) {
                return "required";
            }
            return "must be " + expected(target);
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return "is too long";
            }
            if (t instanceof ArithmeticException || t instanceof NumberFormatException) {
                return "is not a number in range";
            }
        }
        return "invalid value";
    }

    /** What a value of a Java type looks like in JSON, in words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time (ISO 8601)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "an object";
    }
}
