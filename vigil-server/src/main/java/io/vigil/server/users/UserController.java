package io.vigil.server.users;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.Role;
import io.vigil.model.user.UserAccount;
import io.vigil.server.security.AuditTrail;
import io.vigil.server.security.GlobalAdminAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.server.security.Roles;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.VigilDatabase;
import io.vigil.store.users.UserRepository;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/users}: local accounts. Global admins manage them; everyone may see who they are
 * signed in as and change their own password. Every change is audited.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    /** Letters, digits and {@code . _ @ -}; "me" is the signed-in user's own path. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final String ME = "me";

    record NewUser(String username, String password, Role role) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    record RoleChange(Role role) {
    }

    record PasswordReset(String password) {
        @Override
        public String toString() {
            return "PasswordReset[****]";
        }
    }

    record PasswordChange(String currentPassword, String newPassword) {
        @Override
        public String toString() {
            return "PasswordChange[****]";
        }
    }

    record SignedIn(String username, Role role, boolean localAccount) {
    }

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    UserController(VigilDatabase database, PasswordEncoder passwords, AuditTrail audit) {
        this.users = database.users();
        this.passwords = passwords;
        this.audit = audit;
    }

    @GetMapping
    @GlobalAdminAccess
    List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @PostMapping
    @GlobalAdminAccess
    ResponseEntity<UserView> create(@RequestBody NewUser request) {
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()
                || request.username().equals(ME)) {
            throw badRequest("a user name has 1 to 64 letters, digits or . _ @ -, starts with a letter or digit, "
                    + "and is not 'me'");
        }
        if (request.role() == null) {
            throw badRequest("a user needs a role: one of " + List.of(Role.values()));
        }
        String hash = passwords.encode(PasswordPolicy.check(request.password()));
        UserAccount created;
        try {
            created = users.create(request.username(), hash, request.role());
        } catch (AlreadyExistsException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "user " + request.username() + " already exists");
        }
        audit.record("user.create", created.username(), AuditOutcome.SUCCESS, Map.of("role", created.role().name()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(UserView.of(created));
    }

    @GetMapping("/{username}")
    @GlobalAdminAccess
    UserView get(@PathVariable("username") String username) {
        return UserView.of(existing(username));
    }

    @PutMapping("/{username}/role")
    @GlobalAdminAccess
    UserView changeRole(@PathVariable("username") String username, @RequestBody RoleChange request) {
        UserAccount account = existing(username);
        if (request.role() == null) {
            throw badRequest("role is required: one of " + List.of(Role.values()));
        }
        if (account.role() == Role.GLOBAL_ADMIN && request.role() != Role.GLOBAL_ADMIN) {
            keepOneGlobalAdmin(username);
        }
        users.changeRole(username, request.role());
        audit.record("user.role.change", username, AuditOutcome.SUCCESS,
                Map.of("from", account.role().name(), "to", request.role().name()));
        return UserView.of(existing(username));
    }

    @PostMapping("/{username}/disable")
    @GlobalAdminAccess
    UserView disable(@PathVariable("username") String username) {
        UserAccount account = existing(username);
        if (account.role() == Role.GLOBAL_ADMIN) {
            keepOneGlobalAdmin(username);
        }
        users.setEnabled(username, false);
        audit.record("user.disable", username, AuditOutcome.SUCCESS, Map.of());
        return UserView.of(existing(username));
    }

    @PostMapping("/{username}/enable")
    @GlobalAdminAccess
    UserView enable(@PathVariable("username") String username) {
        existing(username);
        users.setEnabled(username, true);
        audit.record("user.enable", username, AuditOutcome.SUCCESS, Map.of());
        return UserView.of(existing(username));
    }

    /** Lifts a sign-in lock-out before its 15 minutes are up. */
    @PostMapping("/{username}/unlock")
    @GlobalAdminAccess
    UserView unlock(@PathVariable("username") String username) {
        existing(username);
        users.resetFailedLogins(username);
        audit.record("user.unlock", username, AuditOutcome.SUCCESS, Map.of());
        return UserView.of(existing(username));
    }

    /** Sets a new password for someone who lost theirs (and lifts a lock-out). */
    @PutMapping("/{username}/password")
    @GlobalAdminAccess
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable("username") String username, @RequestBody PasswordReset request) {
        existing(username);
        users.changePassword(username, passwords.encode(PasswordPolicy.check(request.password())));
        audit.record("user.password.reset", username, AuditOutcome.SUCCESS, Map.of());
    }

    @GetMapping("/me")
    @ReaderAccess
    SignedIn me(Authentication authentication) {
        return new SignedIn(authentication.getName(), Roles.of(authentication).orElseThrow(),
                users.find(authentication.getName()).isPresent());
    }

    @PutMapping("/me/password")
    @ReaderAccess
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwnPassword(Authentication authentication, @RequestBody PasswordChange request) {
        String username = authentication.getName();
        String current = users.passwordHash(username).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.CONFLICT, "only local accounts have a password here; change it at your sign-in provider"));
        if (request.currentPassword() == null || !passwords.matches(request.currentPassword(), current)) {
            audit.record("user.password.change", username, AuditOutcome.FAILURE, Map.of("reason", "wrong current password"));
            throw badRequest("the current password is not right");
        }
        users.changePassword(username, passwords.encode(PasswordPolicy.check(request.newPassword())));
        audit.record("user.password.change", username, AuditOutcome.SUCCESS, Map.of());
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
