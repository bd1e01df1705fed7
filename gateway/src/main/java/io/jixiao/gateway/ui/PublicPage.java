package io.jixiao.gateway.ui;

import static io.jixiao.gateway.ui.Services.await;
import static io.jixiao.gateway.ui.Services.list;
import static io.jixiao.gateway.ui.Services.object;

import io.jixiao.gateway.routing.Backend;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code /public}: the published reports by year and region, with their downloads; no login. */
@Path("/public")
@Produces(MediaType.TEXT_HTML)
public class PublicPage {


    private final Services services;
    private final Viewers viewers;
    private final Pages pages;

    public PublicPage(Services services, Viewers viewers, Pages pages) {
        this.services = services;
        this.viewers = viewers;
        this.pages = pages;
    }

    @GET
    public TemplateInstance reports(@QueryParam("year") Integer year, @QueryParam("region") String region,
            @QueryParam("page") Integer page) {
        Viewer anonymous = Viewers.anonymous();
        List<Object> years = list(await(services.read(anonymous, Backend.REPORTS, "/api/reports/public/years")));
        Integer chosen = year != null ? year : years.isEmpty() ? null : ((Number) years.get(0)).intValue();
        String who = region == null || region.isBlank() ? null : region.strip();
        Map<String, Object> listing = chosen == null ? Map.of()
                : object(await(services.read(anonymous, Backend.REPORTS, "/api/reports/public/reports?fiscalYear="
                        + chosen + (who == null ? "" : "&region=" + URLEncoder.encode(who, StandardCharsets.UTF_8))
                        + "&page=" + (page == null || page < 0 ? 0 : page) + "&size=" + FinancePage.PAGE_SIZE)));
        return pages.page("PublicPage/reports").data("year", chosen).data("region", who).data("years", years)
                .data("listing", listing);
    }
}
