package io.jixiao.commons.security;

/**
 * Who makes a change, for events and the audit trail.
 *
 * @param name      user name or service account
 * @param source    the client (system) the token was issued to
 * @param requestId the gateway's request id, if any
 * @param principal the identity idempotency keys belong to (the token subject)
 */
public record Actor(String name, String source, String requestId, String principal) {
}
