package io.jixiao.gateway.ui;

import io.jixiao.commons.security.Roles;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Viewer} of the current request, from its security identity (session or bearer token). */
@ApplicationScoped
public class Viewers {

    private final SecurityIdentity identity;

    public Viewers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Viewer current() {
        if (identity.isAnonymous()) {
            return anonymous();
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        String unit = null;
        String name = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            unit = jwt.getClaim(Roles.UNIT_CODE_CLAIM);
            name = jwt.getClaim("name");
        }
        return new Viewer(identity.getPrincipal().getName(), name, Set.copyOf(identity.getRoles()), unit,
                token == null ? null : token.getToken());
    }

    /** Someone not logged in (the public pages). */
    public static Viewer anonymous() {
        return new Viewer(null, null, Set.of(), null, null);
    }
}
