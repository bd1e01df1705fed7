package io.jixiao.commons.security;

/**
 * Who makes a change, for events and the audit trail.
 *
 * @param name      user name or service account
 * @param source    the client (system) the token was issued to
 * @param requestId the gateway's request id, if any
 * @param principal the identity idempotency keys belong to (the token subject)
 * @param origin    how the change came when not pushed as JSON: {@code workbook sha256:<hex>} for a workbook upload
 */
public record Actor(String name, String source, String requestId, String principal, String origin) {

    /** A change pushed through the API (no origin beyond the system that pushed it). */
    public Actor(String name, String source, String requestId, String principal) {
        this(name, source, requestId, principal, null);
    }

    /** The same caller, the change coming from an uploaded file, e.g. {@code workbook sha256:…}. */
    public Actor from(String origin) {
        return new Actor(name, source, requestId, principal, origin);
    }
}
