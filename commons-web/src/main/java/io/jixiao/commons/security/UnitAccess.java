package io.jixiao.commons.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides whether the caller may touch a unit (DESIGN §9, §10b). Every service enforces this itself, not only the
 * gateway: a unit's reporter, approver or department system acts on the units of its token's {@link CallerScope}
 * only (its {@code unit_code}; a feeder system's {@code unit_codes} or every unit of its {@code unit_region}); finance
 * and admin read every unit; a token without a scope gets nothing unit-scoped.
 */
@RequestScoped
public class UnitAccess {

    private final SecurityIdentity identity;
    private final Instance<UnitRegions> regions;

    public UnitAccess(SecurityIdentity identity, Instance<UnitRegions> regions) {
        this.identity = identity;
        this.regions = regions;
    }

    /** The units the caller's token may act on. */
    public CallerScope scope() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return CallerScope.NONE;
        }
        return CallerScope.of(jwt::getClaim);
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
        requireWriteAll(List.of(unitCode));
    }

    /**
     * Writing many units' figures at once (a batch): every unit must be in the caller's scope, or nothing is written;
     * the refusal names the units outside it.
     */
    public void requireWriteAll(Collection<String> unitCodes) {
        requireAuthenticated();
        requireInScope(unitCodes, Roles.UNIT_REPORTER);
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
        requireInScope(List.of(unitCode), roles);
    }

    private void requireInScope(Collection<String> unitCodes, String... roles) {
        boolean hasRole = false;
        for (String role : roles) {
            hasRole |= identity.hasRole(role);
        }
        if (!hasRole) {
            throw new ForbiddenException("role " + String.join(" or ", roles) + " required");
        }
        CallerScope scope = scope();
        if (scope.isEmpty()) {
            throw new ForbiddenException("the token carries no unit_code, unit_codes or unit_region");
        }
        Set<String> outside = scope.uncovered(unitCodes, regions.isResolvable() ? regions.get() : null);
        if (!outside.isEmpty()) {
            throw new ForbiddenException("the token's scope does not include " + String.join(", ",
                    outside.stream().limit(10).toList()) + (outside.size() > 10 ? " …" : ""));
        }
    }
}
