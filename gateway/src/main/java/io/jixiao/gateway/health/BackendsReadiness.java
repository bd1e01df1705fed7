package io.jixiao.gateway.health;

import io.jixiao.gateway.config.GatewayConfig;
import io.jixiao.gateway.routing.Backend;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** The gateway is ready when every service behind it is: it asks each one's {@code /q/health/ready}. */
@Readiness
@ApplicationScoped
public class BackendsReadiness implements AsyncHealthCheck {

    private final GatewayConfig config;
    private final HttpClient client;

    public BackendsReadiness(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<String>> checks = new ArrayList<>();
        for (Backend backend : Backend.all()) {
            var uri = backend.uri(config);
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost())
                    .setPort(uri.getPort()).setURI("/q/health/ready").setTimeout(3_000);
            checks.add(Uni.createFrom().completionStage(() -> client.request(options)
                    .compose(req -> req.send())
                    .map(resp -> resp.statusCode() == 200 ? "UP" : "DOWN (" + resp.statusCode() + ")")
                    .otherwise(e -> "DOWN (" + e.getMessage() + ")")
                    .toCompletionStage()));
        }
        return Uni.join().all(checks).andFailFast().map(states -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("services behind the gateway");
            boolean up = true;
            for (int i = 0; i < states.size(); i++) {
                builder.withData(Backend.all().get(i).id(), states.get(i));
                up &= "UP".equals(states.get(i));
            }
            return builder.status(up).build();
        });
    }
}
