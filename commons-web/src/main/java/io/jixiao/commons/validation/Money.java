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

/**
 * An amount of money in yuan (元): never negative, at most two decimals (分), at most 13 integer digits. Reports
 * print it in 万元 with the precision it was given: 193930720.00 yuan is 19393.072万元.
 */
@DecimalMin(value = "0", message = "must not be negative")
@Digits(integer = 13, fraction = 2, message = "must be yuan with at most 2 decimals and 13 integer digits")
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
public @interface Money {

    String message() default "invalid amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
