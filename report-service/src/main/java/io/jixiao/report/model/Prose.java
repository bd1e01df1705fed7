package io.jixiao.report.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a unit writes into its report: not blank, at most {@link #max()} characters, no control characters (other
 * than line breaks and tabs) and no broken surrogate pairs — what a Word or PDF file could not hold. Null is valid.
 */
@Constraint(validatedBy = ProseValidator.class)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
public @interface Prose {

    /** Maximum length in characters (code points). */
    int max();

    String message() default "invalid text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
