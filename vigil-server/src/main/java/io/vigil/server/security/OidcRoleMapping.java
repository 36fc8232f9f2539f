package io.vigil.server.security;

import io.vigil.model.user.Role;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Vigil role from an OIDC provider's claims. The claim is named by {@code --oidc-role-claim}:
 * a claim of that exact name, else a dotted path into nested claims ({@code realm_access.roles} as
 * Keycloak puts them). Its values, a string or a list, are matched to role names case-insensitively
 * with {@code -} for {@code _} ({@code security-reader}); several mean the most privileged; none, or
 * only unknown ones, mean no access.
 */
final class OidcRoleMapping {

    private final String claim;

    OidcRoleMapping(String claim) {
        this.claim = claim;
    }

    Optional<Role> roleOf(Map<String, Object> claims) {
        return values(find(claims)).stream()
                .map(OidcRoleMapping::role)
                .flatMap(Optional::stream)
                .min(Enum::compareTo);
    }

    private Object find(Map<String, Object> claims) {
        if (claims.containsKey(claim)) {
            return claims.get(claim);
        }
        Object current = claims;
        for (String part : claim.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> values(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static Optional<Role> role(String value) {
        String name = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
