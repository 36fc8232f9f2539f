package io.vigil.server.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import java.time.Instant;

/**
 * An API token as the API shows it. {@code token}, the secret, is filled in only in the answer that
 * creates it: the server keeps nothing from which it could show it again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(String id, String name, Role role, String owner, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, boolean revoked, String token) {

    static TokenView of(ApiToken t) {
        return withSecret(t, null);
    }

    static TokenView withSecret(ApiToken t, String secret) {
        return new TokenView(t.id(), t.name(), t.role(), t.owner(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                t.revoked(), secret);
    }

    @Override
    public String toString() {
        return "TokenView[" + id + ", " + name + ", " + role + ", owner=" + owner + "]";
    }
}
