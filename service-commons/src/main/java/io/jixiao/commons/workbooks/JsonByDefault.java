package io.jixiao.commons.workbooks;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A document is served as JSON or as a workbook at the same path; a client that does not choose (no {@code Accept},
 * or {@code *}{@code /*}) gets JSON, as it always has, and never a workbook by the luck of method order. Where an
 * endpoint serves no JSON (a CSV export), anything else is still acceptable.
 */
public class JsonByDefault {

    static final String JSON_FIRST = "application/json, */*;q=0.5";

    @ServerRequestFilter(preMatching = true)
    public void preferJson(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || accept.strip().equals("*/*")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, JSON_FIRST);
        }
    }
}
