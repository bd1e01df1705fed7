package io.jixiao.personnel.rest;

import io.jixiao.commons.documents.UnitYearDocuments.Item;
import io.jixiao.commons.documents.UnitYearDocuments.PutResult;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.personnel.api.AssetDocument;
import io.jixiao.personnel.api.StaffDocument;
import io.jixiao.personnel.service.AssetKind;
import io.jixiao.personnel.service.StaffKind;
import io.jixiao.personnel.service.UnitYearRegister;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Many unit-years at once, one endpoint per kind of document (HR and asset systems push separately). */
@Path("/")
@Tag(name = "batch", description = "Push staff or assets of many unit-years at once, all or nothing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class BatchResource {

    private static final String ALL_OR_NOTHING = "Body {\"items\":[{\"unitCode\",\"fiscalYear\",\"document\"}]}. "
            + "All or nothing, in one transaction: an item of a unit the caller may not write is a 403, of a unit "
            + "not in the register a 404 naming items[i].unitCode, a bad item a 400 naming each bad field "
            + "(items[3].document.totalInService); then nothing is stored. Answers one result per item, in order. "
            + "An Idempotency-Key makes a repeat return the first answer.";

    private final UnitYearRegister register;
    private final StaffKind staffKind;
    private final AssetKind assetKind;
    private final UnitAccess access;

    public BatchResource(UnitYearRegister register, StaffKind staffKind, AssetKind assetKind, UnitAccess access) {
        this.register = register;
        this.staffKind = staffKind;
        this.assetKind = assetKind;
        this.access = access;
    }

    @POST
    @Path("staff/batch")
    @Operation(summary = "Push the staff of many unit-years at once, all or nothing", description = ALL_OR_NOTHING)
    public List<PutResult> staff(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "批量推送：多个单位年度的人员情况（items，1–500项），全部存入或全部不存，按顺序逐项返回结果。")
            @Valid @NotNull StaffBatch batch) {
        access.requireWriteAll(batch.items().stream().map(e -> e.unitCode()).toList());
        List<Item<StaffDocument>> items = batch.items().stream()
                .map(e -> new Item<>(e.unitCode(), e.fiscalYear(), e.document())).toList();
        return register.putAll(staffKind, items, access.actor(requestId), idempotencyKey);
    }

    @POST
    @Path("assets/batch")
    @Operation(summary = "Push the assets of many unit-years at once, all or nothing", description = ALL_OR_NOTHING)
    public List<PutResult> assets(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(RequestIds.HEADER) String requestId,
            @RequestBody(description = "批量推送：多个单位年度的资产情况（items，1–500项），全部存入或全部不存，按顺序逐项返回结果。")
            @Valid @NotNull AssetBatch batch) {
        access.requireWriteAll(batch.items().stream().map(e -> e.unitCode()).toList());
        List<Item<AssetDocument>> items = batch.items().stream()
                .map(e -> new Item<>(e.unitCode(), e.fiscalYear(), e.document())).toList();
        return register.putAll(assetKind, items, access.actor(requestId), idempotencyKey);
    }
}
