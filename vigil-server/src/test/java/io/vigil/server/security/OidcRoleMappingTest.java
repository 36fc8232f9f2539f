package io.vigil.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.model.user.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcRoleMappingTest {

    private final OidcRoleMapping roles = new OidcRoleMapping("roles");

    @Test
    void aSingleRoleName() {
        assertThat(roles.roleOf(Map.of("roles", "SECURITY_OPERATOR"))).contains(Role.SECURITY_OPERATOR);
    }

    @Test
    void namesAreMatchedIgnoringCaseAndWithDashes() {
        assertThat(roles.roleOf(Map.of("roles", List.of("security-reader")))).contains(Role.SECURITY_READER);
        assertThat(roles.roleOf(Map.of("roles", List.of("Global_Admin")))).contains(Role.GLOBAL_ADMIN);
    }

    @Test
    void severalRolesMeanTheMostPrivileged() {
        assertThat(roles.roleOf(Map.of("roles", List.of("SECURITY_READER", "SECURITY_ADMIN", "SECURITY_OPERATOR"))))
                .contains(Role.SECURITY_ADMIN);
    }

    @Test
    void unknownOrMissingRolesMeanNoAccess() {
        assertThat(roles.roleOf(Map.of("roles", List.of("domain-admins", "ADMIN", "ROLE_GLOBAL_ADMIN")))).isEmpty();
        assertThat(roles.roleOf(Map.of("groups", List.of("GLOBAL_ADMIN")))).isEmpty();
        assertThat(roles.roleOf(Map.of("roles", 42))).isEmpty();
        assertThat(roles.roleOf(Map.of())).isEmpty();
    }

    @Test
    void unknownValuesDoNotHideAKnownOne() {
        assertThat(roles.roleOf(Map.of("roles", List.of("offline_access", "security_operator"))))
                .contains(Role.SECURITY_OPERATOR);
    }

    @Test
    void aDottedClaimWalksNestedClaimsAsKeycloakNestsThem() {
        OidcRoleMapping keycloak = new OidcRoleMapping("realm_access.roles");
        assertThat(keycloak.roleOf(Map.of("realm_access", Map.of("roles", List.of("uma_authorization", "SECURITY_ADMIN")))))
                .contains(Role.SECURITY_ADMIN);
        assertThat(keycloak.roleOf(Map.of("realm_access", "not an object"))).isEmpty();
    }

    @Test
    void aClaimWhoseNameHasDotsIsFoundAsIs() {
        OidcRoleMapping namespaced = new OidcRoleMapping("https://vigil.example/roles");
        assertThat(namespaced.roleOf(Map.of("https://vigil.example/roles", List.of("SECURITY_READER"))))
                .contains(Role.SECURITY_READER);
    }
}
