package io.vigil.model.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A local sign-in account. The password hash is deliberately not part of it, so that no API
 * response or log line that shows an account can leak the hash.
 *
 * @param failedLogins consecutive failed sign-ins since the last successful one
 */
public record UserAccount(String username, Role role, boolean enabled, int failedLogins, Instant createdAt, Instant updatedAt) {

    public UserAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
    }
}
