package io.vigil.server.security;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.Role;
import io.vigil.server.config.ServerConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns an OIDC sign-in into a Vigil user: the role comes from the configured claim, and a user the
 * provider gives no Vigil role is turned away. Names carry an {@code oidc:} prefix so that a provider
 * account can never pass for the local account of the same name (and its API tokens).
 */
@Component
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String NAME_PREFIX = "oidc:";

    private final OidcUserService provider = new OidcUserService();
    private final OidcRoleMapping roles;
    private final AuditTrail audit;

    OidcSignIn(ServerConfig config, AuditTrail audit) {
        this.roles = new OidcRoleMapping(config.oidc() == null ? "roles" : config.oidc().roleClaim());
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String name = NAME_PREFIX + Optional.ofNullable(user.getPreferredUsername()).orElse(user.getSubject());
        Optional<Role> role = roles.roleOf(user.getClaims());
        if (role.isEmpty()) {
            audit.recordAs(name, LocalAccounts.SIGN_IN, name, AuditOutcome.DENIED, Map.of("reason", "no Vigil role"));
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", "no Vigil role", null));
        }
        return new SignedIn(user, role.get(), name);
    }

    private static final class SignedIn extends DefaultOidcUser {

        private final String name;

        SignedIn(OidcUser user, Role role, String name) {
            super(List.of(Roles.authority(role)), user.getIdToken(), user.getUserInfo());
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
