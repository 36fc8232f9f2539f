package io.vigil.server.security;

import io.vigil.model.user.UserAccount;
import java.time.Duration;
import java.time.Instant;

/**
 * After {@value #MAX_FAILURES} consecutive failed sign-ins an account is locked for 15 minutes, counted
 * from the last failure (the store stamps {@code updatedAt} when it counts one). Once the time is up
 * one more failure locks it again; a success, a password reset or an unlock clears the count.
 */
final class AccountLockout {

    static final int MAX_FAILURES = 10;
    static final Duration DURATION = Duration.ofMinutes(15);

    private AccountLockout() {
    }

    static boolean isLocked(UserAccount account, Instant now) {
        return account.failedLogins() >= MAX_FAILURES
                && account.updatedAt() != null
                && now.isBefore(account.updatedAt().plus(DURATION));
    }
}
