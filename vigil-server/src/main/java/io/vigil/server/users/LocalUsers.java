package io.vigil.server.users;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import io.vigil.model.user.UserAccount;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.users.ApiTokenRepository;
import io.vigil.store.users.UserRepository;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Local accounts as global admins manage them, for the API and the console alike: checked (user name,
 * {@link PasswordPolicy}, the last enabled global admin kept), stored and audited.
 */
@Service
public class LocalUsers {

    /** Letters, digits and {@code . _ @ -}; "me" is the signed-in user's own path. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final String ME = "me";

    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    LocalUsers(VigilDatabase database, PasswordEncoder passwords, AuditTrail audit) {
        this.users = database.users();
        this.tokens = database.apiTokens();
        this.passwords = passwords;
        this.audit = audit;
    }

    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    public UserView get(String username) {
        return UserView.of(existing(username));
    }

    /** @throws ResponseStatusException 400 for a bad name, role or password; 409 when the name is taken */
    public UserView create(String username, String password, Role role) {
        if (username == null || !USERNAME.matcher(username).matches() || username.equals(ME)) {
            throw badRequest("a user name has 1 to 64 letters, digits or . _ @ -, starts with a letter or digit, "
                    + "and is not 'me'");
        }
        if (role == null) {
            throw badRequest("a user needs a role: one of " + List.of(Role.values()));
        }
        String hash = passwords.encode(PasswordPolicy.check(password));
        UserAccount created;
        try {
            created = users.create(username, hash, role);
        } catch (AlreadyExistsException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "user " + username + " already exists");
        }
        audit.record("user.create", created.username(), AuditOutcome.SUCCESS, Map.of("role", created.role().name()));
        return UserView.of(created);
    }

    public UserView changeRole(String username, Role role) {
        UserAccount account = existing(username);
        if (role == null) {
            throw badRequest("role is required: one of " + List.of(Role.values()));
        }
        if (account.role() == Role.GLOBAL_ADMIN && role != Role.GLOBAL_ADMIN) {
            keepOneGlobalAdmin(username);
        }
        users.changeRole(username, role);
        audit.record("user.role.change", username, AuditOutcome.SUCCESS,
                Map.of("from", account.role().name(), "to", role.name()));
        return get(username);
    }

    public UserView disable(String username) {
        UserAccount account = existing(username);
        if (account.role() == Role.GLOBAL_ADMIN) {
            keepOneGlobalAdmin(username);
        }
        users.setEnabled(username, false);
        audit.record("user.disable", username, AuditOutcome.SUCCESS, Map.of());
        return get(username);
    }

    public UserView enable(String username) {
        existing(username);
        users.setEnabled(username, true);
        audit.record("user.enable", username, AuditOutcome.SUCCESS, Map.of());
        return get(username);
    }

    /** Lifts a sign-in lock-out before its 15 minutes are up. */
    public UserView unlock(String username) {
        existing(username);
        users.resetFailedLogins(username);
        audit.record("user.unlock", username, AuditOutcome.SUCCESS, Map.of());
        return get(username);
    }

    /** Sets a new password for someone who lost theirs (and lifts a lock-out). */
    public void resetPassword(String username, String password) {
        existing(username);
        users.changePassword(username, passwords.encode(PasswordPolicy.check(password)));
        audit.record("user.password.reset", username, AuditOutcome.SUCCESS, Map.of());
    }

    /**
     * Deletes the account and revokes its API tokens: a token outlives a missing owner otherwise, since
     * tokens of single sign-on users have no local account behind them either.
     */
    public void delete(String username) {
        UserAccount account = existing(username);
        if (account.role() == Role.GLOBAL_ADMIN) {
            keepOneGlobalAdmin(username);
        }
        List<ApiToken> owned = tokens.listByOwner(username).stream().filter(t -> !t.revoked()).toList();
        owned.forEach(t -> tokens.revoke(t.id()));
        users.delete(username);
        audit.record("user.delete", username, AuditOutcome.SUCCESS, Map.of("role", account.role().name(),
                "tokensRevoked", Integer.toString(owned.size())));
    }

    private UserAccount existing(String username) {
        return users.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no user " + username));
    }

    /** Refuses to take away the last enabled global admin: nobody could manage users after that. */
    private void keepOneGlobalAdmin(String leaving) {
        boolean another = users.list().stream().anyMatch(u -> u.enabled() && u.role() == Role.GLOBAL_ADMIN
                && !u.username().equals(leaving));
        if (!another) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "this is the last enabled global admin");
        }
    }

    private static ResponseStatusException badRequest(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }
}
