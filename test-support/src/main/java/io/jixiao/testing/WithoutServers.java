package io.jixiao.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code @QuarkusTest} about a service's own logic that starts no PostgreSQL, Kafka or Keycloak (its test profile
 * leaves the global resources out and stands in for what the test is not about): it runs in the fast tier too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithoutServers {
}
