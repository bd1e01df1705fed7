package io.jixiao.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.jixiao.commons.messaging.TransientFailure;
import io.jixiao.commons.web.Problem;
import io.jixiao.commons.web.ProblemException;
import io.jixiao.commons.web.ProblemType;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to an RFC 9457 problem details response naming the bad fields. Bad input is a 4xx;
 * a 5xx means a bug, and says nothing of the internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(path(uri)));
        return e.retryAfterSeconds() == null ? response
                : Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
    }

    /** An uploaded workbook refused: each wrong cell named (a 400), or why the file is not read at all (413, 415). */
    @ServerExceptionMapper
    public Response workbook(io.jixiao.commons.workbook.WorkbookRejected e, UriInfo uri) {
        return problem(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldOf(v.getPropertyPath(), uri), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(ProblemType.INVALID_INPUT.problem(errors.size() + " field(s) are invalid", path(uri), errors));
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e, UriInfo uri) {
        return badJsonValue(e, uri);
    }

    /** Wrong types ({@code "name": [1]}) and unparseable values; more specific than Quarkus's built-in mapper. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return badJsonValue(e, uri);
    }

    /** A value Jackson could not map: the field and what it must be, never Jackson's own words. */
    @ServerExceptionMapper
    public Response badJsonValue(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri); // e.g. NaN or a truncated body inside an object
        }
        Problem.FieldError error = JsonProblems.describe(e);
        return respond(ProblemType.INVALID_INPUT.problem(error.field() + ": " + error.message(), path(uri),
                List.of(error)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(ProblemType.MALFORMED_JSON.problem("the body is not valid JSON" + where, path(uri),
                List.of(new Problem.FieldError("body", "not valid JSON" + where))));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(ProblemType.UNAUTHORIZED.problem("a valid bearer token is required", path(uri), null))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN.problem(e.getMessage() == null ? "not allowed" : e.getMessage(), path(uri),
                null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // the JSON body reader reports unparseable bodies as a 400 carrying Jackson's exception
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return badJsonValue(mapping, uri);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "HTTP " + status : info.getReasonPhrase();
        return respond(new Problem(ProblemType.ofStatus(status), title, status, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (TransientFailure.isTransient(e)) {
            // the database is restarting or a connection was cut: nothing was stored, and trying again will do
            LOG.warnf("transient failure on %s: %s", path(uri), e.getMessage());
            return Response.fromResponse(respond(ProblemType.UNAVAILABLE.problem(
                    "the service's database is momentarily unreachable; nothing was stored, try again", path(uri),
                    null))).header("Retry-After", "1").build();
        }
        LOG.errorf(e, "unexpected failure on %s", path(uri));
        return respond(ProblemType.INTERNAL.problem("the request could not be completed; it was logged", path(uri),
                null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * {@code put.arg2.revenue.items[0].amount} → {@code revenue.items[0].amount}; a violation on a path or query
     * parameter names the parameter; one on the body itself (e.g. none sent) is {@code body}.
     */
    public static String fieldOf(Path path, UriInfo uri) {
        StringBuilder out = new StringBuilder();
        Iterator<Path.Node> nodes = path.iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    // a request body parameter names nothing the client sent; a path or query parameter does
                    continue;
                }
                default -> {
                }
            }
            if (node.getName() == null || node.getName().isEmpty() || node.getName().startsWith("<")) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    out.append('[').append(node.getKey()).append(']');
                }
                continue;
            }
            if (node.isInIterable() && out.length() > 0 && out.charAt(out.length() - 1) != ']') {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    out.append('[').append(node.getKey()).append(']');
                }
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(node.getName());
        }
        if (out.length() == 0) {
            for (Path.Node node : path) {
                if (node.getKind() == jakarta.validation.ElementKind.PARAMETER && uri != null
                        && (uri.getPathParameters().containsKey(node.getName())
                                || uri.getQueryParameters().containsKey(node.getName()))) {
                    return node.getName();
                }
            }
            return "body";
        }
        return out.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
