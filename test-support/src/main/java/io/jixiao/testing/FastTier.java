package io.jixiao.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fast tier ({@code ./mvnw -B -Pfast verify}, which sets {@code jixiao.tier=fast}): a {@code @QuarkusTest} here
 * starts real PostgreSQL, Kafka and Keycloak, so it belongs to the integration tier and is left out, unless it is
 * marked {@link WithoutServers}. Registered for every test through JUnit's extension auto-detection, which the fast
 * profile turns on; in the full build it never disables anything.
 */
public class FastTier implements ExecutionCondition {

    static final String TIER = "jixiao.tier";
    private static final String QUARKUS_TEST = "io.quarkus.test.junit.QuarkusTest";
    private static final String WITHOUT_SERVERS = WithoutServers.class.getName();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean fast = "fast".equals(System.getProperty(TIER));
        boolean needsServers = context.getTestClass()
                .map(c -> annotated(c, QUARKUS_TEST) && !annotated(c, WITHOUT_SERVERS)).orElse(false);
        return fast && needsServers
                ? ConditionEvaluationResult.disabled("needs PostgreSQL, Kafka and Keycloak: the integration tier")
                : ConditionEvaluationResult.enabled("runs in every tier");
    }

    /** By name: Quarkus loads a test class in its own class loader, where {@code QuarkusTest} is another class. */
    private static boolean annotated(Class<?> type, String annotationName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (var annotation : c.getAnnotations()) {
                if (annotation.annotationType().getName().equals(annotationName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
