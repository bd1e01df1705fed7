package io.jixiao.commons.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes every service's OpenAPI document say what its responses and requests really are (registered for all
 * services in service-commons' {@code microprofile-config.properties}):
 * <ul>
 * <li>every property that is not required may be {@code null} — Jackson reads and writes {@code null} for any
 * absent figure, and the documents say "not stated" with it — so a property is either required or nullable;</li>
 * <li>every error answer is RFC 9457 problem details ({@code application/problem+json}, schema {@code Problem}),
 * documented on each operation for the statuses it names and as its {@code default} for any other;</li>
 * <li>every variable of a path template is a required path parameter of each of its operations, as the service's
 * other operations define a parameter of that name (the scanner leaves them out of a method a resource inherits
 * from a generic one).</li>
 * </ul>
 */
public class ContractFilter implements OASFilter {

    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSchema(FIELD_ERROR, fieldError());
        components.addSchema(PROBLEM, problem());
        if (components.getSchemas() != null) {
            for (Schema schema : components.getSchemas().values()) {
                nullableWhereOptional(schema);
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            PathParameters.complete(openAPI.getPaths().getPathItems());
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                if (item.getOperations() == null) {
                    continue;
                }
                for (Operation operation : item.getOperations().values()) {
                    problemAnswers(operation);
                    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                        contentSchemas(operation.getRequestBody().getContent()).forEach(this::nullableWhereOptional);
                    }
                }
            }
        }
    }

    /** Every property not listed as required may be null; nested inline object schemas likewise. */
    void nullableWhereOptional(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getItems() != null) {
            nullableWhereOptional(schema.getItems());
        }
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> p : properties.entrySet()) {
            Schema property = p.getValue();
            nullableWhereOptional(property);
            if (!required.contains(p.getKey())) {
                schema.addProperty(p.getKey(), nullable(property));
            }
        }
    }

    /**
     * The same schema, also accepting {@code null}: a typed schema gets the null type; a reference to another schema
     * (whose own definition does not admit null) becomes "that schema, or null".
     */
    static Schema nullable(Schema property) {
        if (property.getRef() != null || property.getAllOf() != null && property.getAllOf().size() == 1
                && property.getAllOf().get(0).getRef() != null && property.getType() == null) {
            String ref = property.getRef() != null ? property.getRef() : property.getAllOf().get(0).getRef();
            // OpenAPI 3.0 has no null type, and "nullable" beside an allOf does not admit null: "the schema, or
            // null" is spelled as a choice between the reference and a schema whose only value is null
            Schema onlyNull = OASFactory.createSchema().addType(SchemaType.OBJECT).addType(SchemaType.NULL);
            onlyNull.setEnumeration(new ArrayList<>(java.util.Collections.singletonList(null)));
            Schema either = OASFactory.createSchema()
                    .addAnyOf(OASFactory.createSchema().ref(ref))
                    .addAnyOf(onlyNull);
            either.setDescription(property.getDescription());
            return either;
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
        }
        return property;
    }

    /** 4xx and 5xx answers carry problem details, and any other status is documented as problem details too. */
    static void problemAnswers(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponses() != null) {
            for (Map.Entry<String, APIResponse> r : new ArrayList<>(responses.getAPIResponses().entrySet())) {
                if ((r.getKey().startsWith("4") || r.getKey().startsWith("5")) && r.getValue().getContent() == null) {
                    r.getValue().setContent(problemContent());
                }
            }
        }
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(OASFactory.createAPIResponse()
                    .description("Problem details (RFC 9457): what went wrong, and for bad input each bad field")
                    .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static List<Schema> contentSchemas(Content content) {
        List<Schema> out = new ArrayList<>();
        if (content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> {
                if (m.getSchema() != null) {
                    out.add(m.getSchema());
                }
            });
        }
        return out;
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("问题详情（RFC 9457）：出了什么问题；输入有误时逐项列出错误字段")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", text("问题类别（URI），如 urn:jixiao:problem:invalid-input"))
                .addProperty("title", text("问题类别的简短说明"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("HTTP 状态码"))
                .addProperty("detail", nullable(text("本次请求出了什么问题")))
                .addProperty("instance", nullable(text("请求路径")))
                .addProperty("errors", nullable(OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("每个有误的字段及其错误")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR))));
    }

    private static Schema fieldError() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("一个有误的字段：请求体中的 JSON 路径或参数名（工作簿则另有工作表和单元格），以及错在哪里")
                .addRequired("field").addRequired("message")
                .addProperty("field", text("字段，如 revenue.yearEndRecoveries.items[0].amount"))
                .addProperty("message", text("错误说明，如 required（必填）、must be a number（须为数字）"))
                .addProperty("cell", nullable(text("上传的工作簿中的工作表和单元格，如 预算!B7；不是工作簿上传或无从定位时为空")));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
