package io.jixiao.budget.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jixiao.budget.api.BudgetDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

/** The budget as pushed reaches the event contract whole: every figure, every "其中" item, every null as null. */
class BudgetMappingTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final BudgetMapping mapping = Mappers.getMapper(BudgetMapping.class);

    @Test
    void everyFixtureBudgetMapsToTheSameFigures() throws IOException {
        List<Path> budgets;
        try (Stream<Path> units = Files.list(Path.of("../deploy/fixtures"))) {
            budgets = units.map(u -> u.resolve("budget.json")).filter(Files::exists).toList();
        }
        assertTrue(budgets.size() >= 3, "the fixtures of the deploy folder: " + budgets);
        for (Path file : budgets) {
            BudgetDocument pushed = JSON.readValue(file.toFile(), BudgetDocument.class);
            var published = mapping.toContract(pushed);
            assertEquals(JSON.valueToTree(pushed), JSON.valueToTree(published), file.toString());
        }
    }

    @Test
    void notStatedStaysNotStated() {
        var published = mapping.toContract(new BudgetDocument(new BudgetDocument.Revenue(null, null, null, null, null,
                null), null, null, null, null, null, null, null));
        assertNull(published.projects(), "no projects stated is not an empty project list");
        assertNull(published.revenue().yearEndRecoveries());
        assertNull(published.expenditure());
    }
}
