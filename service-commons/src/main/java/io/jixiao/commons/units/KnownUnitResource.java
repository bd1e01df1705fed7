package io.jixiao.commons.units;

import io.jixiao.commons.security.UnitAccess;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which version of a unit's profile this service holds: shows operators (and tests) that the units register's
 * events arrived here.
 */
@Path("/known-units")
@Tag(name = "known-units", description = "This service's copy of the units register")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@IfBuildProperty(name = "jixiao.units.consume", stringValue = "true")
public class KnownUnitResource {

    /** A unit as this service knows it, with the version and event it came from. */
    public record KnownUnitView(
            @Schema(description = "单位编码。") String unitCode,
            @Schema(description = "单位全称。") String name,
            @Schema(description = "所属地区。") String region,
            @Schema(description = "单位级次。") String level,
            @Schema(description = "主管部门编码；没有时为空。") String parentCode,
            @Schema(description = "是否在用：false 表示单位已撤销。") boolean active,
            @Schema(description = "单位档案的版本号。") long version,
            @Schema(description = "来源事件的编号。") UUID eventId,
            @Schema(description = "单位档案的变更时间。") OffsetDateTime updatedAt) {
    }

    private final KnownUnits units;
    private final UnitAccess access;

    public KnownUnitResource(KnownUnits units, UnitAccess access) {
        this.units = units;
        this.access = access;
    }

    @GET
    @Path("/{unitCode}")
    @Operation(summary = "The unit as this service knows it, with the version of the event it came from")
    public KnownUnitView get(@PathParam("unitCode") String unitCode) {
        access.requireRead(unitCode);
        KnownUnit u = units.require(unitCode);
        return new KnownUnitView(u.unitCode, u.name, u.region, u.level, u.parentCode, u.active, u.version, u.eventId,
                u.updatedAt);
    }
}
