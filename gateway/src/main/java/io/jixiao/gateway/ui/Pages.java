package io.jixiao.gateway.ui;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The pages' templates ({@code templates/<page>.html}), each handed the person looking at it ({@code viewer}) for the
 * layout. The services' answers reach the templates as maps and lists, so templates are not type-checked against
 * them; what the templates need from Java is named in each page's class.
 */
@ApplicationScoped
public class Pages {

    private final Engine engine;
    private final Viewers viewers;

    public Pages(Engine engine, Viewers viewers) {
        this.engine = engine;
        this.viewers = viewers;
    }

    public TemplateInstance page(String name) {
        return engine.getTemplate(name).data("viewer", viewers.current());
    }
}
