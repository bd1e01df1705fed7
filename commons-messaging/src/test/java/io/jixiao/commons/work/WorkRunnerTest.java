package io.jixiao.commons.work;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import org.junit.jupiter.api.Test;

class WorkRunnerTest {

    @Test
    void runningOutOfMemoryIsToldApartFromAFailureOfTheUnitYear() {
        // as a transaction wraps it when a batch's objects no longer fit the heap (seen under the province benchmark)
        assertTrue(WorkRunner.outOfMemory(new QuarkusTransactionException(new OutOfMemoryError("Java heap space"))));
        assertTrue(WorkRunner.outOfMemory(new OutOfMemoryError("Metaspace")));
        assertFalse(WorkRunner.outOfMemory(new QuarkusTransactionException(
                new IllegalStateException("no framework applies to the unit"))));
        assertFalse(WorkRunner.outOfMemory(new StackOverflowError()));
    }
}
