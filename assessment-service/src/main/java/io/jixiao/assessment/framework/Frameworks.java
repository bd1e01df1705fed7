package io.jixiao.assessment.framework;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads frameworks from YAML or JSON (the files kept in {@code src/main/resources/frameworks/}). */
public final class Frameworks {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Frameworks() {
    }

    /** A framework shipped with the service, by file name without extension. */
    public static Framework bundled(String name) {
        String resource = "frameworks/" + name + ".yaml";
        try (InputStream in = Frameworks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no framework " + resource);
            }
            return YAML.readValue(in, Framework.class).validated();
        } catch (IOException e) {
            throw new UncheckedIOException("framework " + resource + " is not valid", e);
        }
    }

    /** Parses a framework (YAML is a superset of JSON, so either works). */
    public static Framework parse(String text) throws IOException {
        Framework framework = YAML.readValue(text, Framework.class);
        if (framework == null) {
            // "null", "~" or an empty document: nothing to load
            throw new IllegalArgumentException("the body holds no framework");
        }
        return framework.validated();
    }
}
