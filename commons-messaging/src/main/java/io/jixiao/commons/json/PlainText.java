package io.jixiao.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;

/**
 * Text as the platform keeps it: no control characters. A name, a note or a date that arrives with {@code \u0007},
 * an ANSI escape or a NUL (which PostgreSQL cannot even store in {@code jsonb}) is refused as a bad value of that
 * field, before anything is stored; tab, line feed and carriage return stay allowed in prose. Applies to every
 * string Jackson reads into a String, an enum or a date (Jackson's date parsing would otherwise trim a trailing
 * control character away and accept the rest).
 */
public final class PlainText {

    private PlainText() {
    }

    /** The Jackson module: registered by {@link ExactJson}. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("jixiao-plain-text");
        module.addDeserializer(String.class, new StringsWithoutControls());
        // dates: Jackson's parsing trims the text first, so "2024-12-31\u0007" would pass as 2024-12-31
        @SuppressWarnings("unchecked")
        JsonDeserializer<LocalDate> dates = (JsonDeserializer<LocalDate>) (JsonDeserializer<?>)
                new Guarded(LocalDateDeserializer.INSTANCE);
        module.addDeserializer(LocalDate.class, dates);
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Guarded(deserializer);
            }
        });
        return module;
    }

    /** The first control character in the text (other than tab, line feed, carriage return), or -1. */
    public static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return i;
            }
        }
        return -1;
    }

    static void check(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            String text = p.getText();
            int at = firstControl(text);
            if (at >= 0) {
                throw JsonMappingException.from(p, String.format(
                        "must not contain control characters (U+%04X at position %d)", (int) text.charAt(at), at));
            }
        }
    }

    /** Strings, as Jackson reads them, refused when they carry a control character. */
    static final class StringsWithoutControls extends StdScalarDeserializer<String> {

        StringsWithoutControls() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            check(p);
            return StringDeserializer.instance.deserialize(p, ctxt);
        }
    }

    /** Another deserializer (an enum's, a date's), with the same check first when the value is a JSON string. */
    static final class Guarded extends DelegatingDeserializer {

        Guarded(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Guarded(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            check(p);
            return super.deserialize(p, ctxt);
        }
    }
}
