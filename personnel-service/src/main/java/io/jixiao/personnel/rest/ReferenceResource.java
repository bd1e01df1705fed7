package io.jixiao.personnel.rest;

import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.Roles;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.repository.MovementKind.Direction;
import io.jixiao.personnel.repository.MovementKind;
import io.jixiao.personnel.repository.StaffCategory;
import io.jixiao.personnel.service.ReferenceLists;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The code lists staff documents name: staff categories (人员类别) and movement kinds (人员变动类型). */
@Path("/reference")
@Tag(name = "reference", description = "Configurable code lists: staff categories and movement kinds")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ReferenceResource {

    /** A code: lower-case letters, digits and dashes, 2–64 characters (e.g. {@code transfer-out}). */
    public static final String CODE = "^[a-z][a-z0-9-]{1,63}$";

    /** A staff category as listed. */
    public record StaffCategoryView(
            @Schema(description = "人员类别编码：人员情况中 categories[].category 所用的编码，如 civil-servant。") String code,
            @Schema(description = "人员类别名称（中文）：如行政公务员。") String name,
            @Schema(description = "排序号：代码表按此升序列出。") int sortOrder) {
        static StaffCategoryView of(StaffCategory c) {
            return new StaffCategoryView(c.code, c.name, c.sortOrder);
        }
    }

    /** A movement kind as listed: IN adds to the in-service headcount, OUT takes from it. */
    public record MovementKindView(
            @Schema(description = "变动类型编码：人员情况中 movements[].kind 所用的编码，如 transfer-out。") String code,
            @Schema(description = "变动类型名称（中文）：如调出、公开招聘。") String name,
            @Schema(description = "变动方向：IN 增加在职人数（招聘、调入等），OUT 减少在职人数（调出、退休等）。") Direction direction,
            @Schema(description = "排序号：代码表按此升序列出。") int sortOrder) {
        static MovementKindView of(MovementKind k) {
            return new MovementKindView(k.code, k.name, k.direction, k.sortOrder);
        }
    }

    /** A staff category as an administrator sets it. */
    public record StaffCategoryRequest(
            @Schema(description = "人员类别名称（中文）：如行政公务员。必填。")
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "排序号：代码表按此升序列出。必填。")
            @NotNull Integer sortOrder) {
    }

    /** A movement kind as an administrator sets it. */
    public record MovementKindRequest(
            @Schema(description = "变动类型名称（中文）：如调出、公开招聘。必填。")
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "变动方向：IN 增加在职人数（招聘、调入等），OUT 减少在职人数（调出、退休等）。必填。")
            @NotNull Direction direction,
            @Schema(description = "排序号：代码表按此升序列出。必填。")
            @NotNull Integer sortOrder) {
    }

    private final ReferenceLists lists;
    private final UnitAccess access;

    public ReferenceResource(ReferenceLists lists, UnitAccess access) {
        this.lists = lists;
        this.access = access;
    }

    @GET
    @Path("/staff-categories")
    @Operation(summary = "The staff categories (人员类别) a staff document may name, in order")
    public List<StaffCategoryView> categories() {
        return lists.categories().stream().map(StaffCategoryView::of).toList();
    }

    @GET
    @Path("/movement-kinds")
    @Operation(summary = "The movement kinds (人员变动类型) a staff document may name, with their direction")
    public List<MovementKindView> movementKinds() {
        return lists.movementKinds().stream().map(MovementKindView::of).toList();
    }

    @PUT
    @Path("/staff-categories/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a staff category or change its name or order (administrators)")
    public StaffCategoryView putCategory(@PathParam("code") @Pattern(regexp = CODE) String code,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "人员类别的设置：名称和排序，编码在路径中。")
            @Valid @NotNull StaffCategoryRequest request) {
        return StaffCategoryView.of(lists.putCategory(code, request.name(), request.sortOrder(),
                access.actor(requestId)));
    }

    @PUT
    @Path("/movement-kinds/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a movement kind or change its name, direction or order (administrators)")
    public MovementKindView putMovementKind(@PathParam("code") @Pattern(regexp = CODE) String code,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "人员变动类型的设置：名称、方向（增加或减少在职人数）和排序，编码在路径中。")
            @Valid @NotNull MovementKindRequest request) {
        return MovementKindView.of(lists.putMovementKind(code, request.name(), request.direction(),
                request.sortOrder(), access.actor(requestId)));
    }
}
