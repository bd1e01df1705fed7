package io.jixiao.assessment.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Frameworks;
import io.jixiao.assessment.service.FrameworkCatalog;
import io.jixiao.assessment.service.ScoringService;
import io.jixiao.commons.problem.JsonProblems;
import io.jixiao.commons.problem.Problem;
import io.jixiao.commons.problem.ProblemException;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.Roles;
import io.jixiao.commons.security.UnitAccess;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Indicator frameworks: read by everyone, loaded by administrators. */
@Path("/frameworks")
@Tag(name = "frameworks", description = "Indicator frameworks (versioned data)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FrameworkResource {

    /** A framework in a list. */
    public record Summary(String id, int version, String name, List<String> regions, int fromYear, int toYear,
            int priority) {
    }

    /** What loading did. */
    public record Loaded(String id, int version, boolean loaded, int unitYearsRescored) {
    }

    private final FrameworkCatalog catalog;
    private final ScoringService scoring;
    private final UnitAccess access;

    public FrameworkResource(FrameworkCatalog catalog, ScoringService scoring, UnitAccess access) {
        this.catalog = catalog;
        this.scoring = scoring;
        this.access = access;
    }

    @GET
    @Operation(summary = "Every framework version loaded")
    public List<Summary> list() {
        return catalog.all().stream().map(f -> new Summary(f.id(), f.version(), f.name(), f.regions(), f.fromYear(),
                f.toYear(), f.priority())).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @Operation(summary = "A framework version with its whole indicator tree")
    public Framework get(@PathParam("id") String id, @PathParam("version") int version) {
        return catalog.find(id, version).orElseThrow(() -> ProblemException.notFound("no framework " + id + " v" + version));
    }

    @PUT
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Load a framework version (YAML or JSON) and rescore the unit-years it applies to")
    public Loaded load(@HeaderParam(RequestIds.HEADER) String requestId, String body) {
        Framework framework;
        try {
            framework = Frameworks.parse(body == null ? "" : body);
        } catch (JsonMappingException e) {
            Problem.FieldError error = JsonProblems.describe(e);
            throw ProblemException.badField("framework" + (error.field().equals("body") ? "" : "." + error.field()),
                    error.message());
        } catch (JsonProcessingException e) {
            throw ProblemException.badField("framework", "not valid YAML or JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw ProblemException.badField("framework", "could not be read");
        } catch (IllegalArgumentException e) {
            // the framework's own checks (codes, weights, grade bands), in their own words
            throw ProblemException.badField("framework", e.getMessage() == null ? "invalid" : e.getMessage());
        }
        boolean loaded = catalog.load(framework, access.actor(requestId));
        int rescored = loaded ? scoring.rescoreAll("framework " + framework.id() + " v" + framework.version()) : 0;
        return new Loaded(framework.id(), framework.version(), loaded, rescored);
    }
}
