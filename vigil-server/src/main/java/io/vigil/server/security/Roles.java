package io.vigil.server.security;

import io.vigil.model.user.Role;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The one role a signed-in user or token holds, as a Spring authority {@code ROLE_<ROLE>} and back. */
public final class Roles {

    private static final String PREFIX = "ROLE_";

    private Roles() {
    }

    public static GrantedAuthority authority(Role role) {
        return new SimpleGrantedAuthority(PREFIX + role.name());
    }

    /** The most privileged role among the authentication's authorities; empty for anonymous callers. */
    public static Optional<Role> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(Roles::role)
                .flatMap(Optional::stream)
                .min(Enum::compareTo);
    }

    private static Optional<Role> role(String authority) {
        if (authority == null || !authority.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String name = authority.substring(PREFIX.length());
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst();
    }
}
