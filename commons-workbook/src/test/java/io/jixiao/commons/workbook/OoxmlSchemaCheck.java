package io.jixiao.commons.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

final class OoxmlSchemaCheck {

    private OoxmlSchemaCheck() {
    }

    static void assertValid(byte[] xlsx) {
        try {
            assertEquals(List.of(), OoxmlSchema.problems(xlsx));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
