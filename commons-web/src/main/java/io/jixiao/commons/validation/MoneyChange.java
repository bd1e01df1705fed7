package io.jixiao.commons.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A change of an amount in yuan (增减额): negative for a decrease, at most two decimals and 13 integer digits. */
@Digits(integer = 13, fraction = 2, message = "must be yuan with at most 2 decimals and 13 integer digits")
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
public @interface MoneyChange {

    String message() default "invalid change of amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
