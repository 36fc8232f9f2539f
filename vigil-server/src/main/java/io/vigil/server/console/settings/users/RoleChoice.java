package io.vigil.server.console.settings.users;

/** A role as the role pickers offer it: {@code SECURITY_ADMIN}, "Security admin". */
public record RoleChoice(String value, String label) {
}
