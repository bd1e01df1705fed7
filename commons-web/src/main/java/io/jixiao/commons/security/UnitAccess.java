package io.jixiao.commons.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides whether the caller may touch a unit (DESIGN §9). Every service enforces this itself, not only the
 * gateway: a unit's reporter, approver or department system acts on the unit in its {@code unit_code} claim
 * only; finance and admin read every unit; a token without {@code unit_code} gets nothing unit-scoped.
 */
@RequestScoped
public class UnitAccess {

    private final SecurityIdentity identity;

    public UnitAccess(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The unit code carried by the caller's token, if any. */
    public Optional<String> callerUnit() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        Object claim = jwt.getClaim(Roles.UNIT_CODE_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        String code = claim.toString().replace("\"", "").trim();
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    /** Reading a unit's data: its own reporter/approver/system, finance, admin. */
    public void requireRead(String unitCode) {
        requireAuthenticated();
        if (identity.hasRole(Roles.FINANCE) || identity.hasRole(Roles.ADMIN)) {
            return;
        }
        requireOwnUnit(unitCode, Roles.UNIT_REPORTER, Roles.UNIT_APPROVER);
    }

    /** Writing a unit's figures: only its own reporter or department system. Finance never alters figures. */
    public void requireWrite(String unitCode) {
        requireAuthenticated();
        requireOwnUnit(unitCode, Roles.UNIT_REPORTER);
    }

    /** Submitting a unit's report: only its own approver. */
    public void requireApprove(String unitCode) {
        requireAuthenticated();
        requireOwnUnit(unitCode, Roles.UNIT_APPROVER);
    }

    /** Who is acting, for events and the audit trail: the user name, else the token subject. */
    public String actor() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String name = jwt.getClaim("preferred_username");
            if (name != null) {
                return name;
            }
            if (jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        return identity.getPrincipal().getName();
    }

    /** The caller as recorded in events and the audit trail, with the gateway's request id. */
    public io.jixiao.commons.security.Actor actor(String requestId) {
        String principal = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : actor();
        return new io.jixiao.commons.security.Actor(actor(), sourceSystem(), requestId, principal);
    }

    /** The system the change came from: the OAuth client the token was issued to ({@code azp}). */
    public String sourceSystem() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            if (azp != null) {
                return azp.toString().replace("\"", "");
            }
        }
        return "unknown";
    }

    private void requireAuthenticated() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
    }

    private void requireOwnUnit(String unitCode, String... roles) {
        boolean hasRole = false;
        for (String role : roles) {
            hasRole |= identity.hasRole(role);
        }
        if (!hasRole) {
            throw new ForbiddenException("role " + String.join(" or ", roles) + " required");
        }
        String own = callerUnit().orElseThrow(() -> new ForbiddenException("the token carries no unit_code"));
        if (!own.equals(unitCode)) {
            throw new ForbiddenException("the token's unit is not " + unitCode);
        }
    }
}
