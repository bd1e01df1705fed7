package io.jixiao.commons.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request has an id: the gateway's {@code X-Request-Id}, or a new one. It is in the log context
 * ({@code %X{requestId}}), in the audit trail of what the request changed, and on the response.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || id.isBlank() || id.length() > 100 || !id.matches("[A-Za-z0-9._:-]+")) {
            id = UUID.randomUUID().toString();
            request.getHeaders().putSingle(HEADER, id);
        }
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove("requestId");
    }
}
