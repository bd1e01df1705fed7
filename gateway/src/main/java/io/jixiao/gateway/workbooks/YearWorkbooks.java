package io.jixiao.gateway.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jixiao.commons.validation.UnitCodes;
import io.jixiao.commons.web.HttpProblems;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
import io.jixiao.commons.workbook.CellError;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbook.WorkbookBinding;
import io.jixiao.commons.workbook.WorkbookReader;
import io.jixiao.commons.workbook.WorkbookRejected;
import io.jixiao.commons.workbook.WorkbookWriter;
import io.jixiao.gateway.config.GatewayConfig;
import io.jixiao.gateway.routing.Backend;
import io.jixiao.gateway.routing.ProxyRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * One workbook for a unit's whole year, at {@code /api/workbooks/units/{unitCode}/years/{fiscalYear}}: the gateway
 * owns no figure, so it only puts together and takes apart what the services own.
 * <ul>
 * <li>{@code GET} asks each service for its document's workbook, as the caller (the same token, so the same
 * scoping), and writes their sheets into one workbook with one 填报说明 and one stamp.</li>
 * <li>{@code PUT} hands the uploaded workbook to each service whose template it holds, as the caller: first each
 * rehearses it ({@code ?dryRun=true}: every check, nothing stored), and only when every sheet passes is each stored.
 * A workbook with one bad sheet stores nothing, and the answer names every bad cell of every sheet. Should a service
 * fail between the two steps, the answer says which documents were stored; uploading the same workbook again is safe
 * (what is unchanged makes no new version).</li>
 * </ul>
 */
@ApplicationScoped
public class YearWorkbooks {

    static final String PATH = "/api/workbooks/units/:unitCode/years/:fiscalYear";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern UNIT_CODE = Pattern.compile(UnitCodes.PATTERN);
    private static final Logger LOG = Logger.getLogger(YearWorkbooks.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final ObjectMapper mapper;
    private final HttpClient client;

    /** A service's answer, whole. */
    record Answer(YearDocument document, int status, String contentType, Buffer body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public YearWorkbooks(GatewayConfig config, Vertx vertx, ObjectMapper mapper) {
        this.config = config;
        this.vertx = vertx;
        this.mapper = mapper;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000)
                .setIdleTimeout((int) config.timeout().toSeconds()));
    }

    void register(@Observes Router router) {
        // before the proxy (order 10), after the token check (4) and the rate limit (5)
        router.get(PATH).order(9).handler(ProxyRoutes::stampRequest).handler(this::download);
        router.put(PATH).order(9).handler(BodyHandler.create(false).setBodyLimit(WorkbookReader.MAX_BYTES))
                .handler(ProxyRoutes::stampRequest).handler(this::upload);
    }

    private void download(RoutingContext rc) {
        Target target = target(rc);
        if (target == null) {
            return;
        }
        List<Future<Answer>> answers = new ArrayList<>();
        for (YearDocument document : YearDocument.values()) {
            answers.add(call(rc, document, HttpMethod.GET, document.path(target.unitCode, target.fiscalYear), null));
        }
        Future.all(answers).onComplete(done -> {
            if (done.failed()) {
                unavailable(rc, done.cause());
                return;
            }
            for (Future<Answer> answer : answers) {
                if (!answer.result().ok()) {
                    relay(rc, answer.result());
                    return;
                }
            }
            vertx.executeBlocking(() -> merge(answers.stream().map(Future::result).toList()), false)
                    .onSuccess(xlsx -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, XLSX)
                            .putHeader("Content-Disposition", "attachment; filename=\"year-" + target.unitCode + "-"
                                    + target.fiscalYear + ".xlsx\"").end(xlsx))
                    .onFailure(rc::fail);
        });
    }

    /** Each service's sheets, read back from its workbook, written into one. */
    private Buffer merge(List<Answer> answers) throws Exception {
        List<WorkbookWriter.Filled> documents = new ArrayList<>();
        for (Answer answer : answers) {
            try (WorkbookReader reader = WorkbookReader.open(answer.body().getBytes())) {
                for (WorkbookReader.Stamp stamp : reader.stamps()) {
                    Template template = mapper.readValue(stamp.layout(), Template.class);
                    documents.add(new WorkbookWriter.Filled(template,
                            WorkbookBinding.read(reader, template).document()));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookWriter.write(documents, out);
        return Buffer.buffer(out.toByteArray());
    }

    private void upload(RoutingContext rc) {
        Target target = target(rc);
        if (target == null) {
            return;
        }
        Buffer body = rc.body().buffer();
        vertx.executeBlocking(() -> documentsIn(body == null ? new byte[0] : body.getBytes()), false)
                .onFailure(e -> {
                    ProblemException refusal = e instanceof WorkbookRejected rejected ? rejected.toProblem()
                            : e instanceof ProblemException problem ? problem : null;
                    if (refusal == null) {
                        rc.fail(e);
                    } else {
                        refuseUnlessForbidden(rc, target, body, refusal);
                    }
                })
                .onSuccess(documents -> rehearseThenStore(rc, target, documents, body));
    }

    /**
     * A caller who may not write the unit is told so before anything about the file: the budget's owner rehearses
     * the upload, checking the caller's right first; only a caller it lets through hears what is wrong with the file.
     */
    private void refuseUnlessForbidden(RoutingContext rc, Target target, Buffer body, ProblemException refusal) {
        call(rc, YearDocument.BUDGET, HttpMethod.PUT, YearDocument.BUDGET.path(target.unitCode, target.fiscalYear)
                + "?dryRun=true", body == null ? Buffer.buffer() : body).onComplete(probe -> {
                    if (probe.succeeded() && (probe.result().status() == 401 || probe.result().status() == 403)) {
                        relay(rc, probe.result());
                    } else {
                        problem(rc, refusal);
                    }
                });
    }

    /** The documents a workbook holds, by its stamp; a stamp of a kind this year's workbook has not is refused. */
    private static List<YearDocument> documentsIn(byte[] workbook) {
        try (WorkbookReader reader = WorkbookReader.open(workbook)) {
            if (reader.stamps().isEmpty()) {
                throw new WorkbookRejected(WorkbookRejected.Reason.UNREADABLE, "不是本平台的填报模板：缺少模板标识，请先下载模板 "
                        + "(not a template of this platform)", List.of(new CellError(WorkbookWriter.STAMP_SHEET, null,
                                "缺少模板标识 (no template stamp)")));
            }
            List<YearDocument> documents = new ArrayList<>();
            List<CellError> unknown = new ArrayList<>();
            for (WorkbookReader.Stamp stamp : reader.stamps()) {
                YearDocument document = YearDocument.ofKind(stamp.kind());
                if (document == null) {
                    unknown.add(new CellError(WorkbookWriter.STAMP_SHEET, null, "年度工作簿中没有“" + stamp.kind()
                            + "”模板 (not a document of a unit-year)"));
                } else if (!documents.contains(document)) {
                    documents.add(document);
                }
            }
            if (!unknown.isEmpty()) {
                throw new WorkbookRejected(WorkbookRejected.Reason.INVALID, "工作簿含有不属于年度工作簿的模板", unknown);
            }
            return documents;
        }
    }

    private void rehearseThenStore(RoutingContext rc, Target target, List<YearDocument> documents, Buffer body) {
        List<Future<Answer>> rehearsals = new ArrayList<>();
        for (YearDocument document : documents) {
            rehearsals.add(call(rc, document, HttpMethod.PUT,
                    document.path(target.unitCode, target.fiscalYear) + "?dryRun=true", body));
        }
        Future.all(rehearsals).onComplete(rehearsed -> {
            if (rehearsed.failed()) {
                unavailable(rc, rehearsed.cause());
                return;
            }
            List<Answer> refused = rehearsals.stream().map(Future::result).filter(a -> !a.ok()).toList();
            if (!refused.isEmpty()) {
                refuse(rc, refused);
                return;
            }
            List<Future<Answer>> stores = new ArrayList<>();
            for (YearDocument document : documents) {
                stores.add(call(rc, document, HttpMethod.PUT, document.path(target.unitCode, target.fiscalYear),
                        body));
            }
            Future.join(stores).onComplete(stored -> answer(rc, target, stores));
        });
    }

    /** Each document's result; if a service failed after every rehearsal passed, which were stored and which not. */
    private void answer(RoutingContext rc, Target target, List<Future<Answer>> stores) {
        ObjectNode out = mapper.createObjectNode();
        out.put("unitCode", target.unitCode);
        out.put("fiscalYear", target.fiscalYear);
        ArrayNode results = out.putArray("documents");
        List<String> failed = new ArrayList<>();
        for (Future<Answer> store : stores) {
            if (store.failed() || !store.result().ok()) {
                failed.add(store.failed() ? "a document: " + store.cause().getMessage()
                        : store.result().document().title() + " (HTTP " + store.result().status() + ")");
                continue;
            }
            Answer answer = store.result();
            ObjectNode result = results.addObject();
            result.put("kind", answer.document().kind());
            result.put("title", answer.document().title());
            result.set("result", json(answer.body()));
        }
        if (!failed.isEmpty()) {
            LOG.warnf("year workbook of %s %d stored only in part; not stored: %s", target.unitCode,
                    target.fiscalYear, failed);
            HttpProblems.send(rc, ProblemType.UNAVAILABLE.problem("every sheet passed its checks, but these were not "
                    + "stored: " + String.join("; ", failed) + "; stored: " + results.findValuesAsText("kind")
                    + ". Upload the same workbook again: what is already stored does not change.",
                    rc.request().path(), null));
            return;
        }
        rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(out.toString());
    }

    /** Every refusal of every sheet in one answer: the errors of each, already naming their cells. */
    private void refuse(RoutingContext rc, List<Answer> refused) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> details = new ArrayList<>();
        int status = refused.get(0).status();
        for (Answer answer : refused) {
            JsonNode problem = json(answer.body());
            details.add(answer.document().title() + ": " + problem.path("detail").asText("HTTP " + answer.status()));
            for (JsonNode error : problem.path("errors")) {
                errors.add(new Problem.FieldError(error.path("field").asText(), error.path("message").asText(),
                        error.hasNonNull("cell") ? error.get("cell").asText() : null));
            }
            if (answer.status() != status) {
                status = 400;
            }
        }
        String type = refused.size() == 1 ? json(refused.get(0).body()).path("type").asText(ProblemType.ofStatus(status))
                : status == 400 ? ProblemType.INVALID_INPUT.uri() : ProblemType.ofStatus(status);
        HttpProblems.send(rc, new Problem(type, refused.size() == 1 ? json(refused.get(0).body()).path("title")
                .asText("Refused") : "Refused", status, "nothing was stored; " + String.join(" | ", details),
                rc.request().path(), errors.isEmpty() ? null : errors));
    }

    private Future<Answer> call(RoutingContext rc, YearDocument document, HttpMethod method, String path, Buffer body) {
        URI uri = document.backend().uri(config);
        RequestOptions options = new RequestOptions().setMethod(method).setHost(uri.getHost())
                .setPort(Backend.port(uri)).setSsl("https".equals(uri.getScheme())).setURI(path)
                .setIdleTimeout(config.timeout().toMillis())
                .putHeader(HttpHeaders.ACCEPT, method == HttpMethod.GET ? XLSX : "application/json")
                .putHeader(ProxyRoutes.REQUEST_ID, rc.request().getHeader(ProxyRoutes.REQUEST_ID));
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, XLSX);
        }
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(buffer -> new Answer(document, response.statusCode(),
                        response.getHeader(HttpHeaders.CONTENT_TYPE), buffer)));
    }

    private static void relay(RoutingContext rc, Answer answer) {
        rc.response().setStatusCode(answer.status());
        if (answer.contentType() != null) {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType());
        }
        rc.response().end(answer.body());
    }

    private static void unavailable(RoutingContext rc, Throwable cause) {
        LOG.warnf("a service did not answer for the year workbook: %s", cause.toString());
        HttpProblems.send(rc, ProblemType.UNAVAILABLE, "a service could not be reached; nothing was stored, try again");
    }

    private static void problem(RoutingContext rc, ProblemException e) {
        HttpProblems.send(rc, e.toProblem(rc.request().path()));
    }

    private JsonNode json(Buffer body) {
        try {
            return body == null || body.length() == 0 ? mapper.createObjectNode() : mapper.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            return mapper.createObjectNode();
        }
    }

    /** The unit and year of the path, or null once a 400 naming the bad one is sent. */
    private static Target target(RoutingContext rc) {
        String unitCode = rc.pathParam("unitCode");
        if (unitCode == null || !UNIT_CODE.matcher(unitCode).matches()) {
            problem(rc, ProblemException.badField("unitCode", "must be a unit code such as XZ-WXB"));
            return null;
        }
        try {
            return new Target(unitCode, Integer.parseInt(rc.pathParam("fiscalYear")));
        } catch (NumberFormatException e) {
            problem(rc, ProblemException.badField("fiscalYear", "must be a year such as 2024"));
            return null;
        }
    }

    private record Target(String unitCode, int fiscalYear) {
    }
}
