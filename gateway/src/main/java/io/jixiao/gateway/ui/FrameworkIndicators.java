package io.jixiao.gateway.ui;

import static io.jixiao.gateway.ui.Services.await;
import static io.jixiao.gateway.ui.Services.list;
import static io.jixiao.gateway.ui.Services.object;

import io.jixiao.gateway.routing.Backend;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scored indicators (the leaves of the tree) of a framework version, as assessment-service describes them: code,
 * name, measure, weight. A version never changes once loaded, so each is asked for once and kept; the first asking
 * is made as the person looking, like every other call of the pages.
 */
@ApplicationScoped
public class FrameworkIndicators {

    private final Services services;
    private final Map<String, List<Map<String, Object>>> known = new ConcurrentHashMap<>();

    public FrameworkIndicators(Services services) {
        this.services = services;
    }

    /** The leaves of framework {@code id} version {@code version}, in the framework's order; none for a null id. */
    public List<Map<String, Object>> leaves(Viewer viewer, Object id, Object version) {
        if (id == null || version == null) {
            return List.of();
        }
        String key = id + "/versions/" + version;
        List<Map<String, Object>> leaves = known.get(key);
        if (leaves == null) {
            Map<String, Object> framework = object(await(services.read(viewer, Backend.ASSESSMENT,
                    "/api/assessment/frameworks/" + key)));
            List<Map<String, Object>> found = new ArrayList<>();
            collect(list(framework.get("indicators")), found);
            leaves = List.copyOf(found);
            known.put(key, leaves);
        }
        return leaves;
    }

    private static void collect(List<Object> indicators, List<Map<String, Object>> leaves) {
        for (Object i : indicators) {
            Map<String, Object> indicator = object(i);
            List<Object> children = list(indicator.get("children"));
            if (children.isEmpty()) {
                leaves.add(indicator);
            } else {
                collect(children, leaves);
            }
        }
    }
}
