package io.jixiao.personnel.rest;

import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.Roles;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.personnel.mapping.PersonnelMapping;
import io.jixiao.personnel.repository.UnitProfile;
import io.jixiao.personnel.service.UnitRegister;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbooks.DocumentWorkbooks;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The units register (单位名录). */
@Path("/units")
@Tag(name = "units", description = "The units register")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class UnitResource {

    /** A unit code: upper-case letters, digits and dashes, 2–32 characters (e.g. {@code XZ-WXB}). */
    public static final String UNIT_CODE = io.jixiao.commons.validation.UnitCodes.PATTERN;

    private final UnitRegister register;
    private final UnitAccess access;
    private final PersonnelMapping mapping;

    /** The unit profile's workbook (单位信息): its sheets from {@link UnitProfileRequest}. */
    static final Template WORKBOOK = DocumentWorkbooks.template("unit", "单位信息", UnitProfileRequest.class, null);

    private final DocumentWorkbooks workbooks;

    public UnitResource(UnitRegister register, UnitAccess access, PersonnelMapping mapping,
            DocumentWorkbooks workbooks) {
        this.register = register;
        this.access = access;
        this.mapping = mapping;
        this.workbooks = workbooks;
    }

    @PUT
    @Path("/{unitCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a unit or change its profile (idempotent; returns the version)")
    public Response put(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "单位基本信息（单位名录）：单位全称、地区、级次、主管部门、简称、主要职能、内设机构、所属事业单位和派驻机构，整份替换。")
            @Valid @NotNull UnitProfileRequest request) {
        return store(unitCode, request, access.actor(requestId));
    }

    @PUT
    @Path("/{unitCode}")
    @Consumes(DocumentWorkbooks.XLSX)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register a unit or change its profile from its workbook (the same checks, versions and audit)")
    public Response putWorkbook(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "填好的单位信息工作簿（.xlsx，由本接口下载的模板），最大10 MB。") byte[] workbook) {
        return workbooks.upload(WORKBOOK, workbook, UnitProfileRequest.class, access.actor(requestId), false,
                (profile, actor) -> store(unitCode, profile, actor));
    }

    @GET
    @Path("/{unitCode}")
    @Produces(DocumentWorkbooks.XLSX)
    @Operation(summary = "A unit's profile as an Excel workbook (单位信息)")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(
            mediaType = DocumentWorkbooks.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response workbook(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode) {
        UnitResponse unit = get(unitCode);
        UnitProfileRequest held = new UnitProfileRequest(unit.name(), unit.region(), unit.level(), unit.parentCode(),
                unit.active(), unit.aliases(), unit.functions(), unit.internalBodies(), unit.affiliatedInstitutions(),
                unit.secondedBodies());
        return workbooks.download(WORKBOOK, held, "unit-" + unitCode + ".xlsx");
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register or change many units at once, all or nothing (a province's register in bulk)")
    public List<UnitResponse> batch(@HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "批量登记：多个单位的基本信息（items，1–500项），全部存入或全部不存，按顺序逐项返回结果。")
            @Valid @NotNull UnitBatch batch) {
        var items = batch.items().stream().map(e -> new UnitRegister.Item(e.unitCode(), profile(e.profile()))).toList();
        return register.putAll(items, access.actor(requestId)).stream().map(o -> response(o.unit())).toList();
    }

    private UnitRegister.Profile profile(UnitProfileRequest request) {
        return new UnitRegister.Profile(request.name(), request.region(), request.level(), request.parentCode(),
                request.active() == null || request.active(), request.aliases(), request.functions(),
                mapping.toContract(request.internalBodies()), mapping.toContract(request.affiliatedInstitutions()),
                mapping.toContract(request.secondedBodies()));
    }

    private Response store(String unitCode, UnitProfileRequest request, Actor actor) {
        var outcome = register.put(unitCode, profile(request), actor);
        UnitProfile unit = outcome.unit();
        return Response.ok(response(unit))
                .header("ETag", "\"" + unit.version + "\"")
                .build();
    }

    @GET
    @Path("/{unitCode}")
    @Operation(summary = "A unit's profile")
    public UnitResponse get(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode) {
        access.requireRead(unitCode);
        UnitProfile unit = register.find(unitCode).orElseThrow(() -> ProblemException.unknownUnit(unitCode));
        return response(unit);
    }

    @GET
    @RolesAllowed({Roles.FINANCE, Roles.ADMIN})
    @Operation(summary = "Every registered unit")
    public List<UnitResponse> list() {
        return register.all().stream().map(this::response).toList();
    }

    private UnitResponse response(UnitProfile unit) {
        return UnitResponse.of(unit, register.snapshot(unit), mapping);
    }
}
