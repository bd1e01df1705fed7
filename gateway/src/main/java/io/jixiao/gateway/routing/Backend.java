package io.jixiao.gateway.routing;

import io.jixiao.gateway.config.GatewayConfig;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/** A service behind the gateway: the path prefix it owns and where it runs. */
public enum Backend {
    PERSONNEL("personnel", "/api/personnel", GatewayConfig::personnelUrl),
    BUDGET("budget", "/api/budget", GatewayConfig::budgetUrl),
    ASSESSMENT("assessment", "/api/assessment", GatewayConfig::assessmentUrl),
    REPORTS("reports", "/api/reports", GatewayConfig::reportUrl);

    private final String id;
    private final String prefix;
    private final Function<GatewayConfig, String> url;

    Backend(String id, String prefix, Function<GatewayConfig, String> url) {
        this.id = id;
        this.prefix = prefix;
        this.url = url;
    }

    public String id() {
        return id;
    }

    public String prefix() {
        return prefix;
    }

    public URI uri(GatewayConfig config) {
        return URI.create(url.apply(config));
    }

    /** The port of a service URL, also when it is implied by the scheme. */
    public static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    public static List<Backend> all() {
        return List.of(values());
    }
}
