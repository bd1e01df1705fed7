package io.jixiao.commons.workbooks;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jixiao.commons.problem.JsonProblems;
import io.jixiao.commons.problem.ProblemMappers;
import io.jixiao.commons.reconciliation.Rule;
import io.jixiao.commons.reconciliation.RuleSet;
import io.jixiao.commons.security.Actor;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.workbook.Layouts;
import io.jixiao.commons.workbook.SheetLayout;
import io.jixiao.commons.workbook.Template;
import io.jixiao.commons.workbook.WorkbookBinding;
import io.jixiao.commons.workbook.WorkbookReader;
import io.jixiao.commons.workbook.WorkbookRejected;
import io.jixiao.commons.workbook.WorkbookWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A unit-year document as an Excel workbook, for the units that have no system to push JSON: downloaded as held (or
 * as an empty template), uploaded back into the very same document, then validated and stored by the very same
 * code as a push. What is wrong is answered with the document field and the sheet and cell it came from; the file's
 * SHA-256 goes with the change into the document's history and the audit trail.
 */
@ApplicationScoped
public class DocumentWorkbooks {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The {@code dryRun} query parameter of a workbook upload, in the API document's words. */
    public static final String DRY_RUN = "试算（只对工作簿上传）：true 时按存入时一样核验并返回结果（版本、是否有变化、核对问题），但不存入任何内容；"
            + "年度工作簿据此先核验全部工作表，全部通过后才存入。";

    /** A document read from an uploaded workbook, where each of its values came from, and the file's digest. */
    public record Upload<D>(D document, String sha256, WorkbookBinding.Bound bound) {

        /** How the history and the audit trail name the change's origin. */
        public String origin() {
            return "workbook sha256:" + sha256;
        }

        /** A refusal of the document, its fields located in the workbook's cells. */
        public ProblemException locate(ProblemException e) {
            List<Problem.FieldError> located = e.errors().stream().map(error -> new Problem.FieldError(error.field(),
                    error.message(), error.cell() != null ? error.cell()
                            : bound.cellOf(error.field()).orElse(null))).toList();
            return e.withErrors(WorkbookRejected.detail(located, e.getMessage()), located);
        }
    }

    private final ObjectMapper mapper;
    private final Validator validator;

    public DocumentWorkbooks(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * The template of a document kind: its sheets from the API record, and, beside the figures the kind's
     * reconciliation rules add up, the sum the sheet computes as the unit types.
     */
    public static Template template(String kind, String title, Class<? extends Record> type, RuleSet rules) {
        List<SheetLayout.Total> totals = new ArrayList<>();
        if (rules != null) {
            for (Rule rule : rules.rules()) {
                if ("sum".equals(rule.type()) && rule.forEach() == null && rule.total() != null
                        && rule.terms() != null && rule.terms().stream().noneMatch(t -> t.contains("["))) {
                    totals.add(new SheetLayout.Total(rule.total(), rule.terms().stream()
                            .map(t -> t.startsWith("-") || t.startsWith("+") ? t : "+" + t).toList()));
                }
            }
        }
        return Layouts.of(kind, title, type, totals);
    }

    /** The document as a workbook ({@code null}: the empty template), as an attachment named {@code fileName}. */
    public Response download(Template template, Object document, String fileName) {
        JsonNode json = document == null ? null : mapper.valueToTree(document);
        StreamingOutput body = out -> WorkbookWriter.write(List.of(new WorkbookWriter.Filled(template, json)), out);
        return Response.ok(body, XLSX).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    /**
     * Reads an uploaded workbook into the document, checked as a pushed one is (its types and constraints), each
     * error at its cell. Nothing is stored here.
     */
    public <D> Upload<D> read(Template template, byte[] body, Class<D> type) {
        WorkbookBinding.Bound bound;
        try (WorkbookReader reader = WorkbookReader.open(body)) {
            bound = WorkbookBinding.read(reader, template);
        }
        D document;
        try {
            document = mapper.treeToValue(bound.document(), type);
        } catch (JsonMappingException e) {
            Problem.FieldError error = JsonProblems.describe(e);
            Problem.FieldError located = new Problem.FieldError(error.field(), error.message(),
                    bound.cellOf(error.field()).orElse(null));
            throw ProblemException.invalid(WorkbookRejected.detail(List.of(located),
                    "the workbook's values are invalid"),
                    List.of(located));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("body", "not a readable document")));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<D> violation : validator.validate(document)) {
            String field = ProblemMappers.fieldOf(violation.getPropertyPath(), null);
            errors.add(new Problem.FieldError(field, violation.getMessage(), bound.cellOf(field).orElse(null)));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field));
            throw ProblemException.invalid(WorkbookRejected.detail(errors, errors.size() + " field(s) are invalid"),
                    errors);
        }
        return new Upload<>(document, sha256(body), bound);
    }

    /**
     * An upload, whole: the workbook read into the document, then stored through {@code put} by the caller with the
     * upload as its origin, or with {@code dryRun} only rehearsed; every refusal located in the workbook's cells.
     */
    public <D, R> R upload(Template template, byte[] workbook, Class<D> type, Actor caller, boolean dryRun,
            BiFunction<D, Actor, R> put) {
        Upload<D> upload = read(template, workbook, type);
        Actor actor = caller.from(upload.origin());
        Supplier<R> store = () -> put.apply(upload.document(), actor);
        return dryRun ? rehearse(upload, store) : store(upload, store);
    }

    /** Stores an uploaded document through {@code put}, its refusals located in the workbook's cells. */
    public <R> R store(Upload<?> upload, Supplier<R> put) {
        try {
            return put.get();
        } catch (ProblemException e) {
            throw upload.locate(e);
        }
    }

    /**
     * What storing an uploaded document would answer, without storing it: {@code put} runs as it would (every check,
     * the findings, whether anything changes) in a transaction of its own that is then rolled back (the caller must not be in one).
     */
    public <R> R rehearse(Upload<?> upload, Supplier<R> put) {
        return store(upload, () -> {
            QuarkusTransaction.begin();
            try {
                return put.get();
            } finally {
                QuarkusTransaction.rollback();
            }
        });
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
