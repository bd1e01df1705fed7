package io.jixiao.gateway.ui;

import static io.jixiao.gateway.ui.Services.await;
import static io.jixiao.gateway.ui.Services.list;
import static io.jixiao.gateway.ui.Services.object;

import io.jixiao.commons.validation.UnitCodes;
import io.jixiao.gateway.routing.Backend;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * A unit's year, {@code /units/{code}/years/{year}}: what has been received, the findings to correct or explain, the
 * 自评表 with every score's trace, coverage, the narratives, the report, the workbook, submission, review (for
 * finance), versions and audit. Read-only for finance but for its review; every action is a form (CSRF-protected) that
 * calls the owning service as the person, so the service's own checks and messages decide.
 */
@Path("/units/{unitCode}/years/{fiscalYear}")
@Produces(MediaType.TEXT_HTML)
public class UnitPage {

    private static final Pattern UNIT = Pattern.compile(UnitCodes.PATTERN);
    /** What the page says after a form went through. */
    private static final Map<String, String> DONE = Map.of("explained", "情况说明已保存。", "narratives", "报告文字已保存。",
            "submitted", "报告已报送。", "returned", "报告已退回单位。", "accepted", "报告已审核通过。", "published", "报告已公开。",
            "workbook", "工作簿已上传，各项数据均已保存。", "evaluation", "自评表已保存，评分随后更新。");


    /** The unit-year documents, each with its owner and the page's name for it. */
    enum Document {
        BUDGET(Backend.BUDGET, "budget", "预算收支及执行"),
        STAFF(Backend.PERSONNEL, "staff", "人员情况"),
        ASSETS(Backend.PERSONNEL, "assets", "资产情况"),
        EVALUATION(Backend.ASSESSMENT, "evaluation", "自评表（目标、实际值、定性评价）"),
        NARRATIVES(Backend.REPORTS, "narratives", "报告文字");

        final Backend backend;
        final String path;
        final String title;

        Document(Backend backend, String path, String title) {
            this.backend = backend;
            this.path = path;
            this.title = title;
        }
    }

    private final Services services;
    private final Viewers viewers;
    private final Pages pages;
    private final NarrativeForm narrativeForm;
    private final FrameworkIndicators frameworkIndicators;

    public UnitPage(Services services, Viewers viewers, Pages pages, NarrativeForm narrativeForm,
            FrameworkIndicators frameworkIndicators) {
        this.services = services;
        this.viewers = viewers;
        this.pages = pages;
        this.narrativeForm = narrativeForm;
        this.frameworkIndicators = frameworkIndicators;
    }

    @GET
    public TemplateInstance page(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            @QueryParam("done") String done) {
        return render(unitCode, fiscalYear, null, done);
    }

    @POST
    @Path("findings/{ruleId}/explanation")
    public Response explain(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            @PathParam("ruleId") String ruleId, @FormParam("explanation") String explanation) {
        requireUnit(unitCode);
        if (!ruleId.matches("[A-Z0-9-]{1,60}")) {
            throw PageException.notFound("没有这条核对问题。");
        }
        return act(unitCode, fiscalYear, "PUT", Backend.REPORTS, "/findings/" + ruleId + "/explanation",
                Map.of("explanation", explanation == null ? "" : explanation), "explained", "finding-" + ruleId);
    }

    @POST
    @Path("narratives")
    public Response narratives(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            MultivaluedMap<String, String> form) {
        requireUnit(unitCode);
        return act(unitCode, fiscalYear, "PUT", Backend.REPORTS, "/narratives", narrativeForm.document(form),
                "narratives", "narratives");
    }

    /** The 自评表's actual values and ratings from the form; the rest of the evaluation is kept as held. */
    @POST
    @Path("evaluation")
    public Response evaluation(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            MultivaluedMap<String, String> form) {
        Viewer viewer = requireUnit(unitCode);
        String path = Backend.ASSESSMENT.prefix() + unitPath(unitCode, fiscalYear);
        Map<String, Object> held = object(await(services.readIfAny(viewer, Backend.ASSESSMENT, path + "/evaluation")));
        Map<String, Object> score = object(object(await(services.readIfAny(viewer, Backend.ASSESSMENT, path + "/score")))
                .get("score"));
        List<EvaluationForm.Line> lines = EvaluationForm.lines(frameworkIndicators(viewer, score), object(held
                .get("document")));
        return act(unitCode, fiscalYear, "PUT", Backend.ASSESSMENT, "/evaluation",
                EvaluationForm.document(object(held.get("document")), lines, form), "evaluation", "evaluation-form");
    }

    @POST
    @Path("submit")
    public Response submit(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        requireUnit(unitCode);
        return act(unitCode, fiscalYear, "POST", Backend.REPORTS, "/submit", null, "submitted", "workflow");
    }

    @POST
    @Path("return")
    public Response returnForChanges(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            @FormParam("comment") String comment) {
        requireUnit(unitCode);
        return act(unitCode, fiscalYear, "POST", Backend.REPORTS, "/return", comment(comment), "returned", "workflow");
    }

    @POST
    @Path("accept")
    public Response accept(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            @FormParam("comment") String comment) {
        requireUnit(unitCode);
        return act(unitCode, fiscalYear, "POST", Backend.REPORTS, "/accept", comment(comment), "accepted", "workflow");
    }

    @POST
    @Path("publish")
    public Response publish(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            @FormParam("approvalDate") String approvalDate) {
        requireUnit(unitCode);
        Map<String, Object> body = new LinkedHashMap<>();
        if (approvalDate != null && !approvalDate.isBlank()) {
            body.put("approvalDate", approvalDate.strip());
        }
        return act(unitCode, fiscalYear, "POST", Backend.REPORTS, "/publish", body, "published", "workflow");
    }

    /** The report as the unit and finance see it (with findings): HTML in the page's frame, DOCX and PDF to save. */
    @GET
    @Path("report")
    @Produces({MediaType.TEXT_HTML, "application/pdf", Downloads.DOCX})
    public Response report(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            @QueryParam("format") String format) {
        Viewer viewer = requireUnit(unitCode);
        String chosen = format == null ? "html" : format;
        if (!List.of("html", "pdf", "docx").contains(chosen)) {
            throw PageException.notFound("没有这种格式。");
        }
        Services.Answer answer = await(services.call(viewer, "GET", Backend.REPORTS,
                base(unitCode, fiscalYear) + "?format=" + chosen, "*/*", null, null));
        return Downloads.relay(answer, "自评报告-" + unitCode + "-" + fiscalYear + "." + chosen);
    }

    /** The whole year's workbook (every document's sheets, as held), to fill in Excel. */
    @GET
    @Path("workbook")
    @Produces(Downloads.XLSX)
    public Response workbook(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear) {
        Viewer viewer = requireUnit(unitCode);
        Services.Answer answer = await(services.callGateway(viewer, "GET", "/api/workbooks" + unitPath(unitCode,
                fiscalYear), Downloads.XLSX, null, null));
        return Downloads.relay(answer, unitCode + "-" + fiscalYear + "年度绩效自评数据.xlsx");
    }

    /**
     * A filled workbook: every document rehearsed by its owner and stored only if all pass; what is refused is named
     * by sheet and cell on the page.
     */
    @POST
    @Path("workbook")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("unitCode") String unitCode, @PathParam("fiscalYear") int fiscalYear,
            @RestForm("file") FileUpload file) {
        Viewer viewer = requireUnit(unitCode);
        byte[] bytes;
        try {
            bytes = file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new PageException(400, "未能读取上传的文件。");
        }
        Services.Answer answer = await(services.callGateway(viewer, "PUT", "/api/workbooks" + unitPath(unitCode,
                fiscalYear), "application/json", bytes, Downloads.XLSX));
        return answered(unitCode, fiscalYear, answer, "workbook", "workbook");
    }

    /** Renders the page; {@code problem} is a service's refusal of the last form, shown above everything. */
    TemplateInstance render(String unitCode, int fiscalYear, Map<String, Object> problem, String done) {
        Viewer viewer = requireUnit(unitCode);
        String base = base(unitCode, fiscalYear);
        Map<String, CompletableFuture<Object>> calls = new LinkedHashMap<>();
        calls.put("status", services.read(viewer, Backend.REPORTS, base + "/status"));
        calls.put("findings", services.read(viewer, Backend.REPORTS, base + "/findings"));
        calls.put("score", services.readIfAny(viewer, Backend.ASSESSMENT, Backend.ASSESSMENT.prefix()
                + unitPath(unitCode, fiscalYear) + "/score"));
        calls.put("versions", services.read(viewer, Backend.REPORTS, base + "/versions"));
        calls.put("log", services.read(viewer, Backend.REPORTS, base + "/log"));
        calls.put("years", services.read(viewer, Backend.REPORTS, "/api/reports/units/" + unitCode + "/years"));
        for (Document d : Document.values()) {
            calls.put(d.path, services.readIfAny(viewer, d.backend, d.backend.prefix() + unitPath(unitCode, fiscalYear)
                    + "/" + d.path));
        }
        for (Backend b : Backend.all()) {
            calls.put("audit-" + b.id(), services.read(viewer, b, b.prefix() + unitPath(unitCode, fiscalYear) + "/audit"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        calls.forEach((key, call) -> data.put(key, await(call)));

        List<Map<String, Object>> documents = new ArrayList<>();
        for (Document d : Document.values()) {
            Map<String, Object> held = object(data.get(d.path));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", d.title);
            row.put("held", held.isEmpty() ? null : held);
            documents.add(row);
        }
        data.put("documents", documents);
        List<Map<String, Object>> audit = new ArrayList<>();
        for (Backend b : Backend.all()) {
            for (Object entry : list(data.get("audit-" + b.id()))) {
                Map<String, Object> e = new LinkedHashMap<>(object(entry));
                e.put("service", b.id());
                audit.add(e);
            }
        }
        audit.sort((a, b) -> String.valueOf(b.get("occurredAt")).compareTo(String.valueOf(a.get("occurredAt"))));
        data.put("audit", audit);
        data.put("narrativeFields", narrativeForm.fields(object(object(data.get("narratives")).get("narratives"))));
        List<Object> errors = new ArrayList<>();
        for (Object f : list(data.get("findings"))) {
            if ("ERROR".equals(object(f).get("severity"))) {
                errors.add(f);
            }
        }
        data.put("errorFindings", errors);
        data.put("base", unitPath(unitCode, fiscalYear));
        data.put("evaluationLines", EvaluationForm.lines(frameworkIndicators(viewer,
                object(object(data.get("score")).get("score"))), object(object(data.get("evaluation")).get("document"))));
        data.put("levels", EvaluationForm.LEVELS);
        return pages.page("UnitPage/portal").data("unitCode", unitCode).data("fiscalYear", fiscalYear)
                .data("data", data).data("problem", problem).data("done", done == null ? null : DONE.get(done));
    }

    /** The scored indicators of the framework a score was made by (none before the first score). */
    private List<Map<String, Object>> frameworkIndicators(Viewer viewer, Map<String, Object> score) {
        Map<String, Object> framework = object(score.get("framework"));
        return frameworkIndicators.leaves(viewer, framework.get("id"), framework.get("version"));
    }

    private Response act(String unitCode, int fiscalYear, String method, Backend backend, String path, Object body,
            String done, String anchor) {
        Viewer viewer = viewers.current();
        return answered(unitCode, fiscalYear, services.send(viewer, method, backend, backend.prefix()
                + unitPath(unitCode, fiscalYear) + path, body), done, anchor);
    }

    /** After a form: back to the page saying what was done, or the page with the service's refusal above it. */
    private Response answered(String unitCode, int fiscalYear, Services.Answer answer, String done, String anchor) {
        PageException.raiseIfAccessRefused(answer);
        if (answer.ok()) {
            return Response.seeOther(URI.create(unitPath(unitCode, fiscalYear) + "?done=" + done + "#" + anchor))
                    .build();
        }
        Map<String, Object> problem = new LinkedHashMap<>(services.parseObject(answer));
        problem.put("status", answer.status());
        problem.put("anchor", anchor);
        return Response.status(answer.status() >= 500 ? 502 : answer.status())
                .entity(render(unitCode, fiscalYear, problem, null)).type(MediaType.TEXT_HTML_TYPE).build();
    }

    /** The person looking, if they may see this unit's pages (the services decide again on every call). */
    private Viewer requireUnit(String unitCode) {
        Viewer viewer = viewers.current();
        if (!UNIT.matcher(unitCode).matches()) {
            throw PageException.notFound("没有这个单位。");
        }
        if (!viewer.mayRead(unitCode)) {
            throw PageException.forbidden();
        }
        return viewer;
    }

    private static Map<String, Object> comment(String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("comment", comment == null || comment.isBlank() ? null : comment.strip());
        return body;
    }

    static String unitPath(String unitCode, int fiscalYear) {
        return "/units/" + URLEncoder.encode(unitCode, StandardCharsets.UTF_8) + "/years/" + fiscalYear;
    }

    private static String base(String unitCode, int fiscalYear) {
        return "/api/reports" + unitPath(unitCode, fiscalYear);
    }
}
