package io.jixiao.commons.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A stated rate in percent (96.04 means 96.04 %), 0 to 1000, at most two decimals. */
@DecimalMin(value = "0", message = "must not be negative")
@DecimalMax(value = "1000", message = "must be a percentage (at most 1000)")
@Digits(integer = 4, fraction = 2, message = "must be a percentage with at most 2 decimals")
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
public @interface Percent {

    String message() default "invalid percentage";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
