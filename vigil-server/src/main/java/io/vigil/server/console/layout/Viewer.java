package io.vigil.server.console.layout;

import io.vigil.model.user.Role;
import io.vigil.server.security.Roles;
import java.util.Locale;
import org.springframework.security.core.Authentication;

/**
 * Who is looking at a console page and which controls a page may offer them. Templates hide what
 * the viewer may not do ({@code th:if="${viewer.canTriage}"}); the handlers refuse it regardless
 * (their access annotations), so hiding is a courtesy, never the protection.
 *
 * @param canTriage     operators and above: alert and incident status, classification, assignee, comments
 * @param canRespond    security admins and above: response actions (password resets) and identity marks
 * @param canConfigure  security admins and above: integrations, detector settings, the audit log
 * @param canManageUsers global admins only: users and roles
 */
public record Viewer(String name, Role role, boolean canTriage, boolean canRespond, boolean canConfigure,
                     boolean canManageUsers) {

    static Viewer of(Authentication authentication) {
        Role role = Roles.of(authentication).orElse(null);
        if (role == null) {
            return null;
        }
        return new Viewer(authentication.getName(), role, role.includes(Role.SECURITY_OPERATOR),
                role.includes(Role.SECURITY_ADMIN), role.includes(Role.SECURITY_ADMIN), role.includes(Role.GLOBAL_ADMIN));
    }

    /** {@code Security reader}, {@code Global admin}, … */
    public String roleLabel() {
        String words = role.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
