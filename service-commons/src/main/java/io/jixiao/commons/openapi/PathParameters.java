package io.jixiao.commons.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes each variable of a path template ({@code /units/{unitCode}/years/{fiscalYear}/staff}) a documented, required
 * path parameter of every operation on that path. SmallRye's scanner leaves the path parameters out of the methods a
 * resource inherits from a generic one; the definition a missing parameter gets is the one the document's other
 * operations give a path parameter of the same name (its pattern, its type), else a plain string.
 */
final class PathParameters {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private PathParameters() {
    }

    static void complete(Map<String, PathItem> paths) {
        Map<String, Parameter> known = new HashMap<>();
        paths.values().forEach(item -> operations(item).forEach(op -> pathParameters(op).forEach(
                p -> known.putIfAbsent(p.getName(), p))));
        for (Map.Entry<String, PathItem> path : paths.entrySet()) {
            List<String> variables = new ArrayList<>();
            Matcher m = VARIABLE.matcher(path.getKey());
            while (m.find()) {
                variables.add(m.group(1));
            }
            for (Operation op : operations(path.getValue())) {
                List<Parameter> missing = variables.stream()
                        .filter(v -> pathParameters(op).noneMatch(p -> v.equals(p.getName())))
                        .map(v -> copy(known.get(v), v)).toList();
                if (!missing.isEmpty()) {
                    // as the scanner orders them: path parameters by name, then the others as they were
                    List<Parameter> all = new ArrayList<>(missing);
                    pathParameters(op).forEach(all::add);
                    all.sort(Comparator.comparing(Parameter::getName));
                    if (op.getParameters() != null) {
                        op.getParameters().stream().filter(p -> p.getIn() != Parameter.In.PATH).forEach(all::add);
                    }
                    op.setParameters(all);
                }
            }
        }
    }

    private static List<Operation> operations(PathItem item) {
        return item.getOperations() == null ? List.of() : new ArrayList<>(item.getOperations().values());
    }

    private static Stream<Parameter> pathParameters(Operation op) {
        return op.getParameters() == null ? Stream.empty()
                : op.getParameters().stream().filter(p -> p.getIn() == Parameter.In.PATH);
    }

    private static Parameter copy(Parameter model, String name) {
        Parameter p = OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true);
        if (model == null) {
            return p.schema(OASFactory.createSchema().addType(SchemaType.STRING));
        }
        return p.description(model.getDescription()).schema(model.getSchema());
    }
}
