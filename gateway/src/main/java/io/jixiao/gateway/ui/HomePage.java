package io.jixiao.gateway.ui;

import io.jixiao.gateway.routing.Backend;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Year;
import java.util.List;

/**
 * {@code /}: finance goes to its dashboard, a unit's people to their unit's newest year; anyone without a session was
 * sent to Keycloak's login before reaching here (HTTP permission {@code pages}).
 */
@Path("/")
public class HomePage {

    private final Services services;
    private final Viewers viewers;

    public HomePage(Services services, Viewers viewers) {
        this.services = services;
        this.viewers = viewers;
    }

    @GET
    public Response home() {
        if (viewers.current().finance()) {
            return Response.seeOther(URI.create("/finance")).build();
        }
        if (viewers.current().unitCode() != null) {
            List<Object> years = Services.list(Services.await(services.read(viewers.current(), Backend.REPORTS,
                    "/api/reports/units/" + viewers.current().unitCode() + "/years")));
            // a unit with nothing yet reports on the year just ended
            Object year = years.isEmpty() ? Year.now().getValue() - 1 : years.get(0);
            return Response.seeOther(URI.create(UnitPage.unitPath(viewers.current().unitCode(), ((Number) year).intValue())))
                    .build();
        }
        return Response.seeOther(URI.create("/public")).build();
    }
}
