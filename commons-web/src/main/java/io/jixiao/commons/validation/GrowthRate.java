package io.jixiao.commons.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A stated growth rate in percent (增长率; −12.5 is a fall of 12.5 %): at least −100, at most two decimals. */
@DecimalMin(value = "-100", message = "must not fall below -100 (a decrease cannot exceed the whole)")
@Digits(integer = 6, fraction = 2, message = "must be a percentage with at most 2 decimals")
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
public @interface GrowthRate {

    String message() default "invalid growth rate";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
