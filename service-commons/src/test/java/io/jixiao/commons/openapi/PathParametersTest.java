package io.jixiao.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** An operation a resource inherits gets the path parameters its path names, as the service defines them. */
class PathParametersTest {

    private static Parameter path(String name, SchemaType type, String pattern) {
        return OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                .schema(OASFactory.createSchema().addType(type).pattern(pattern));
    }

    @Test
    void missingPathParametersAreAddedAsTheServiceDefinesThem() {
        Operation declared = OASFactory.createOperation()
                .addParameter(path("fiscalYear", SchemaType.INTEGER, null))
                .addParameter(path("unitCode", SchemaType.STRING, "^[A-Z0-9][A-Z0-9-]{1,31}$"));
        Operation inherited = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER));
        Operation bare = OASFactory.createOperation();
        Map<String, PathItem> paths = Map.of(
                "/units/{unitCode}/years/{fiscalYear}/budget", OASFactory.createPathItem().GET(declared),
                "/units/{unitCode}/years/{fiscalYear}/staff", OASFactory.createPathItem().PUT(inherited).GET(bare),
                "/reference/{list}", OASFactory.createPathItem().GET(OASFactory.createOperation()));

        PathParameters.complete(paths);

        assertEquals(List.of("fiscalYear", "unitCode", "Idempotency-Key"),
                inherited.getParameters().stream().map(Parameter::getName).toList(), "path parameters first, by name");
        Parameter unitCode = inherited.getParameters().get(1);
        assertEquals(Parameter.In.PATH, unitCode.getIn());
        assertTrue(unitCode.getRequired());
        assertEquals("^[A-Z0-9][A-Z0-9-]{1,31}$", unitCode.getSchema().getPattern(), "the service's own definition");
        assertEquals(List.of(SchemaType.INTEGER), inherited.getParameters().get(0).getSchema().getType());
        assertEquals(List.of("fiscalYear", "unitCode"), bare.getParameters().stream().map(Parameter::getName).toList());
        Parameter list = paths.get("/reference/{list}").getGET().getParameters().get(0);
        assertEquals(List.of(SchemaType.STRING), list.getSchema().getType(), "a name no operation defines: a string");
        assertEquals(2, declared.getParameters().size(), "what was documented stays as it was");
    }
}
