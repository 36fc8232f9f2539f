package io.vigil.server.security;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.UserAccount;
import io.vigil.store.VigilDatabase;
import io.vigil.store.users.UserRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs in local accounts (HTTP Basic on the API, the form on the console) with lock-out. Every
 * refusal looks the same to the caller, unknown user, wrong password, locked or disabled alike, and
 * takes the same password-hashing time; the audit log records the real reason.
 */
@Component
class LocalAccounts implements AuthenticationProvider {

    static final String SIGN_IN = "user.sign-in";
    private static final String REFUSED = "Bad credentials";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private volatile String unknownUserHash;

    LocalAccounts(VigilDatabase database, PasswordEncoder passwords, AuditTrail audit) {
        this.users = database.users();
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        Optional<UserAccount> found = users.find(username);
        boolean passwordMatches = matches(password, found.flatMap(a -> users.passwordHash(a.username()))
                .orElseGet(this::unknownUserHash));
        if (found.isEmpty()) {
            throw refuse(username, "unknown user");
        }
        UserAccount account = found.get();
        if (AccountLockout.isLocked(account, Instant.now())) {
            throw refuse(username, "locked");
        }
        if (!passwordMatches) {
            int failures = users.recordFailedLogin(username);
            if (failures == AccountLockout.MAX_FAILURES) {
                audit.recordAs(username, "user.lockout", username, AuditOutcome.SUCCESS,
                        Map.of("failures", Integer.toString(failures),
                                "minutes", Long.toString(AccountLockout.DURATION.toMinutes())));
            }
            throw refuse(username, "wrong password");
        }
        if (!account.enabled()) {
            throw refuse(username, "disabled");
        }
        if (account.failedLogins() > 0) {
            users.resetFailedLogins(username);
        }
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(
                account.username(), null, List.of(Roles.authority(account.role())));
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException tooLongOrMalformed) {
            return false;
        }
    }

    private BadCredentialsException refuse(String username, String reason) {
        audit.recordAs(username, SIGN_IN, username, AuditOutcome.FAILURE, Map.of("reason", reason));
        return new BadCredentialsException(REFUSED);
    }

    /** A real hash to check unknown users against, so they cost the same time as known ones. */
    private String unknownUserHash() {
        String hash = unknownUserHash;
        if (hash == null) {
            hash = passwords.encode(FirstAdministrator.generate());
            unknownUserHash = hash;
        }
        return hash;
    }
}
