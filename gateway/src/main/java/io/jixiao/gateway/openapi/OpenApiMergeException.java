package io.jixiao.gateway.openapi;

import java.util.List;

/** The services' documents cannot be made into one without losing something: each reason is one entry. */
public class OpenApiMergeException extends RuntimeException {

    private final List<String> conflicts;

    public OpenApiMergeException(List<String> conflicts) {
        super(String.join("; ", conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
