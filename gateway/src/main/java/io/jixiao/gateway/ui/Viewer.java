package io.jixiao.gateway.ui;

import io.jixiao.commons.security.Roles;
import java.util.Set;

/**
 * Who is looking at a page: the logged-in person, the roles and unit their token carries, and the access token the
 * pages call the services with (so that each service still checks roles and unit itself). The token never leaves
 * the gateway.
 *
 * @param unitCode the unit the person belongs to (claim {@code unit_code}); null for finance and administrators
 */
public record Viewer(String username, String displayName, Set<String> roles, String unitCode, String accessToken) {

    public boolean finance() {
        return roles.contains(Roles.FINANCE);
    }

    public boolean admin() {
        return roles.contains(Roles.ADMIN);
    }

    /** 填报人: writes the unit's figures, narratives and explanations. */
    public boolean reporter() {
        return roles.contains(Roles.UNIT_REPORTER);
    }

    /** 审核人: submits the unit's report. */
    public boolean approver() {
        return roles.contains(Roles.UNIT_APPROVER);
    }

    /** Whether the person may look at a unit's pages at all (the services decide again on every call). */
    public boolean mayRead(String unit) {
        return finance() || admin() || unit.equals(unitCode);
    }

    /** Whether the person works for the unit (and so may edit what the unit writes). */
    public boolean ofUnit(String unit) {
        return unit.equals(unitCode);
    }

    /** The name the header shows. */
    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
