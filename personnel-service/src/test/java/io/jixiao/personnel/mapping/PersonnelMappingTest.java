package io.jixiao.personnel.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jixiao.events.UnitSnapshot;
import io.jixiao.personnel.api.AssetDocument;
import io.jixiao.personnel.api.Bodies;
import io.jixiao.personnel.api.StaffDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

/** Staff, assets and a unit's bodies reach the event contracts whole, and the bodies come back as they went. */
class PersonnelMappingTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private final PersonnelMapping mapping = Mappers.getMapper(PersonnelMapping.class);

    @Test
    void everyFixtureStaffAndAssetDocumentMapsToTheSameFigures() throws IOException {
        List<Path> units;
        try (Stream<Path> all = Files.list(Path.of("../deploy/fixtures"))) {
            units = all.filter(u -> Files.exists(u.resolve("staff.json"))).toList();
        }
        assertTrue(units.size() >= 3, "the fixtures of the deploy folder: " + units);
        for (Path unit : units) {
            StaffDocument staff = JSON.readValue(unit.resolve("staff.json").toFile(), StaffDocument.class);
            assertEquals(JSON.valueToTree(staff), JSON.valueToTree(mapping.toContract(staff)), unit + " staff");
            if (Files.exists(unit.resolve("assets.json"))) { // a published report may state no asset figures
                AssetDocument assets = JSON.readValue(unit.resolve("assets.json").toFile(), AssetDocument.class);
                assertEquals(JSON.valueToTree(assets), JSON.valueToTree(mapping.toContract(assets)), unit + " assets");
            }
        }
    }

    @Test
    void bodiesGoAndComeBackUnchanged() {
        Bodies withheld = new Bodies(null, false, List.of("秘书处", "网络传播处"));
        UnitSnapshot.Bodies published = mapping.toContract(withheld);
        assertEquals(new UnitSnapshot.Bodies(null, false, List.of("秘书处", "网络传播处")), published);
        assertEquals(withheld, mapping.toApi(published));
        assertEquals(new Bodies(7, null, null), mapping.toApi(mapping.toContract(new Bodies(7, null, null))));
    }
}
