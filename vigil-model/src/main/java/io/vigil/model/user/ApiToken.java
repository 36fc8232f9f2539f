package io.vigil.model.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token for automation. Only a hash of the secret is ever stored, and it is not part of
 * this record.
 *
 * @param expiresAt  {@code null} for a token that never expires
 * @param lastUsedAt {@code null} until first use
 */
public record ApiToken(
        String id,
        String name,
        Role role,
        String owner,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        boolean revoked) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(owner, "owner");
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }
}
