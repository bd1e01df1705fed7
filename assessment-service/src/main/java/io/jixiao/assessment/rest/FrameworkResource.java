package io.jixiao.assessment.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.jixiao.assessment.framework.Framework;
import io.jixiao.assessment.framework.Frameworks;
import io.jixiao.assessment.service.FrameworkCatalog;
import io.jixiao.assessment.service.ScoringService;
import io.jixiao.commons.problem.JsonProblems;
import io.jixiao.commons.problem.RequestIds;
import io.jixiao.commons.security.Roles;
import io.jixiao.commons.security.UnitAccess;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Indicator frameworks: read by everyone, loaded by administrators. */
@Path("/frameworks")
@Tag(name = "frameworks", description = "Indicator frameworks (versioned data)")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FrameworkResource {

    /** A framework in a list. */
    public record Summary(
            @Schema(description = "指标体系编码：如 mof-2013-common。") String id,
            @Schema(description = "版本号。") int version,
            @Schema(description = "指标体系名称。") String name,
            @Schema(description = "适用地区：* 为全部。") List<String> regions,
            @Schema(description = "适用的首个预算年度。") int fromYear,
            @Schema(description = "适用的末个预算年度。") int toYear,
            @Schema(description = "优先级：多个适用时取最高。") int priority) {
    }

    /** What loading did. */
    public record Loaded(
            @Schema(description = "指标体系编码。") String id,
            @Schema(description = "版本号。") int version,
            @Schema(description = "是否新载入：false 表示该版本已以相同内容载入。") boolean loaded,
            @Schema(description = "排队重新评分的单位年度数：评分在后台分批完成（各实例分担），完成前原评分仍可查询。") int unitYearsRescored) {
    }

    /** What a framework document holds, for the upload's request body. */
    static final String FRAMEWORK_BODY = "指标体系（绩效评价指标体系）的一个版本，YAML 或 JSON 文本。字段：id 指标体系编码（小写字母、数字和连字符），"
            + "version 版本号（≥1；已载入的版本不可改，相同内容重复载入无变化，不同内容为 409），name 名称，description 说明，regions 适用地区（* 为全部），"
            + "fromYear/toYear 适用的首末预算年度，priority 优先级（多个适用时取最高，地区指标体系优先于全国默认），"
            + "grades 等级及最低分（如 优 90、良 80、中 60、差 0），indicators 一级/二级/三级指标树：code 编码（如 2.1.3，"
            + "下级编码以上级编码开头），name 指标名称，weight 分值（末级指标分值合计为100），measure 度量方式"
            + "（formula 按公式从预算、人员、资产数据计算；manual 单位填报实际完成值；rating 定性评价；checklist 逐项计分；"
            + "violations 违规扣分；unitIndicators 由单位设定个性指标，分值合计为该指标权重，各项按其评分规则计分）及度量单位，"
            + "target 默认目标（operator =、>=、<= 与 value），rule 评分规则及参数，children 下级指标；"
            + "coverageThreshold 定等级和排名所需的评分依据覆盖率（%，默认100）。示例：财政部部门整体支出绩效评价共性指标体系框架"
            + "（财预〔2013〕53号），见 assessment-service 的 frameworks/mof-2013-common.yaml；预算执行率×10加个性指标的自评表，"
            + "见 frameworks/execution-plus-own-indicators.yaml。";

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
    @Operation(summary = "Load a framework version (YAML or JSON) and queue every unit-year for rescoring (done in the background, in batches)")
    public Loaded load(@HeaderParam(RequestIds.HEADER) String requestId, @RequestBody(description = FRAMEWORK_BODY,
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Framework.class)),
                @Content(mediaType = "application/yaml", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "text/yaml", schema = @Schema(type = SchemaType.STRING))}) String body) {
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
