package io.vigil.server.users;

import io.vigil.model.user.Role;
import io.vigil.model.user.UserAccount;
import java.time.Instant;

/** A local account as the API shows it: never its password hash. */
public record UserView(String username, Role role, boolean enabled, int failedSignIns, Instant createdAt, Instant updatedAt) {

    static UserView of(UserAccount account) {
        return new UserView(account.username(), account.role(), account.enabled(), account.failedLogins(),
                account.createdAt(), account.updatedAt());
    }
}
