package io.jixiao.gateway.ui;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A file a service answered, handed on to the browser with a Chinese file name (RFC 6266 filename*). */
final class Downloads {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    static Response relay(Services.Answer answer, String fileName) {
        PageException.raiseIfAccessRefused(answer);
        if (!answer.ok()) {
            throw PageException.of(answer, Map.of());
        }
        Response.ResponseBuilder response = Response.ok(answer.body()).type(answer.contentType());
        if (!answer.contentType().startsWith("text/html")) {
            response.header("Content-Disposition", "attachment; filename=\"report\"; filename*=UTF-8''"
                    + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return response.build();
    }
}
