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
        Viewer viewer = viewers.current();
        if (viewer.finance()) {
            return Response.seeOther(URI.create("/finance")).build();
        }
        if (viewer.unitCode() != null) {
            List<Object> years = Services.list(Services.await(services.read(viewer, Backend.REPORTS,
                    "/api/reports/units/" + viewer.unitCode() + "/years")));
            // a unit with nothing yet reports on the year just ended
            Object year = years.isEmpty() ? Year.now().getValue() - 1 : years.get(0);
            return Response.seeOther(URI.create(UnitPage.unitPath(viewer.unitCode(), ((Number) year).intValue())))
                    .build();
        }
        return Response.seeOther(URI.create("/public")).build();
    }
}
