package io.jixiao.commons.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    enum Direction { IN, OUT }

    record Item(String name, String note) {
    }

    record Doc(String title, LocalDate asOf, Direction direction, List<String> names, List<Item> items) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        new ExactJson().customize(mapper);
        return mapper;
    }

    @Test
    void plainTextAndProseWithLineBreaksAndTabsAreRead() throws Exception {
        Doc doc = mapper.readValue("""
                {"title":"自评报告\\n第二段\\t表格","asOf":"2024-12-31","direction":"OUT","names":["秘书处"],
                 "items":[{"name":"遗属","note":null}]}""", Doc.class);
        assertEquals("自评报告\n第二段\t表格", doc.title());
        assertEquals(LocalDate.of(2024, 12, 31), doc.asOf());
        assertEquals(Direction.OUT, doc.direction());
        assertEquals("遗属", doc.items().get(0).name());
    }

    @Test
    void aControlCharacterAnywhereIsABadValueOfThatField() {
        for (String[] bad : new String[][] {
                {"{\"title\":\"报告\\u0000\"}", "title"},
                {"{\"title\":\"\\u001b[31m红色\"}", "title"},
                {"{\"asOf\":\"2024-12-31\\u0007\"}", "asOf"},
                {"{\"direction\":\"OUT\\b\"}", "direction"},
                {"{\"names\":[\"秘书处\",\"干部处\\f\"]}", "names"},
                {"{\"items\":[{\"name\":\"遗属\",\"note\":\"\\u007f\"}]}", "note"},
                {"{\"title\":\"\\u0085\"}", "title"}}) {
            JsonMappingException e = assertThrows(JsonMappingException.class, () -> mapper.readValue(bad[0], Doc.class),
                    bad[0]);
            assertTrue(e.getOriginalMessage().contains("control characters"), e.getOriginalMessage());
            assertTrue(e.getPathReference().contains(bad[1]), bad[0] + " names " + e.getPathReference());
        }
    }

    @Test
    void firstControlFindsOnlyControlCharacters() {
        assertEquals(-1, PlainText.firstControl("财政下达资金指标 = 年初下达 + 上年结转\r\n\t"));
        assertEquals(2, PlainText.firstControl("ab\u0001"));
        assertEquals(0, PlainText.firstControl("\u009f"));
    }
}
