package io.jixiao.report.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Prose} text. */
public class ProseValidator implements ConstraintValidator<Prose, String> {

    private int max;

    @Override
    public void initialize(Prose annotation) {
        max = annotation.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = problem(value, max);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    /** What is wrong with the text, or null. */
    public static String problem(String value, int max) {
        if (value.isBlank()) {
            return "must not be blank";
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            return "must be at most " + max + " characters (is " + length + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "contains a broken surrogate pair at " + i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return "contains a broken surrogate pair at " + i;
            } else if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
                return "contains a control character at " + i;
            }
        }
        return null;
    }
}
