package io.vigil.server.security;

import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API token. It acts for the token's owner with the token's role (never
 * more than the owner's current role), and keeps no copy of the secret.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiToken token;
    private final Role role;

    ApiTokenAuthentication(ApiToken token, Role role) {
        super(List.of(Roles.authority(role)));
        this.token = token;
        this.role = role;
        setAuthenticated(true);
    }

    public ApiToken token() {
        return token;
    }

    public Role role() {
        return role;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return token.owner();
    }

    @Override
    public String getName() {
        return token.owner();
    }
}
