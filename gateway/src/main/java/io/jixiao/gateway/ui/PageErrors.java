package io.jixiao.gateway.ui;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A page that cannot be shown is answered with its status and a page saying why, in Chinese. */
@Provider
public class PageErrors implements ExceptionMapper<PageException> {


    private final Pages pages;

    public PageErrors(Pages pages) {
        this.pages = pages;
    }

    @Override
    public Response toResponse(PageException e) {
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("error").data("status", e.status()).data("message", e.getMessage()).render()).build();
    }
}
