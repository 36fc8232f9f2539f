package io.vigil.server.users;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.Role;
import io.vigil.server.security.AuditTrail;
import io.vigil.server.security.GlobalAdminAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.server.security.Roles;
import io.vigil.store.VigilDatabase;
import io.vigil.store.users.UserRepository;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * {@code /api/v1/users}: local accounts. Global admins manage them ({@link LocalUsers}); everyone may
 * see who they are signed in as and change their own password. Every change is audited.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

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

    private final LocalUsers localUsers;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    UserController(LocalUsers localUsers, VigilDatabase database, PasswordEncoder passwords, AuditTrail audit) {
        this.localUsers = localUsers;
        this.users = database.users();
        this.passwords = passwords;
        this.audit = audit;
    }

    @GetMapping
    @GlobalAdminAccess
    List<UserView> list() {
        return localUsers.list();
    }

    @PostMapping
    @GlobalAdminAccess
    ResponseEntity<UserView> create(@RequestBody NewUser request) {
        UserView created = localUsers.create(request.username(), request.password(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @GetMapping("/{username}")
    @GlobalAdminAccess
    UserView get(@PathVariable("username") String username) {
        return localUsers.get(username);
    }

    @PutMapping("/{username}/role")
    @GlobalAdminAccess
    UserView changeRole(@PathVariable("username") String username, @RequestBody RoleChange request) {
        return localUsers.changeRole(username, request.role());
    }

    @PostMapping("/{username}/disable")
    @GlobalAdminAccess
    UserView disable(@PathVariable("username") String username) {
        return localUsers.disable(username);
    }

    @PostMapping("/{username}/enable")
    @GlobalAdminAccess
    UserView enable(@PathVariable("username") String username) {
        return localUsers.enable(username);
    }

    /** Lifts a sign-in lock-out before its 15 minutes are up. */
    @PostMapping("/{username}/unlock")
    @GlobalAdminAccess
    UserView unlock(@PathVariable("username") String username) {
        return localUsers.unlock(username);
    }

    /** Sets a new password for someone who lost theirs (and lifts a lock-out). */
    @PutMapping("/{username}/password")
    @GlobalAdminAccess
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetPassword(@PathVariable("username") String username, @RequestBody PasswordReset request) {
        localUsers.resetPassword(username, request.password());
    }

    /** Deletes the account and revokes its API tokens; the last enabled global admin stays. */
    @DeleteMapping("/{username}")
    @GlobalAdminAccess
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("username") String username) {
        localUsers.delete(username);
    }

    @GetMapping("/" + LocalUsers.ME)
    @ReaderAccess
    SignedIn me(Authentication authentication) {
        return new SignedIn(authentication.getName(), Roles.of(authentication).orElseThrow(),
                users.find(authentication.getName()).isPresent());
    }

    @PutMapping("/" + LocalUsers.ME + "/password")
    @ReaderAccess
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwnPassword(Authentication authentication, @RequestBody PasswordChange request) {
        String username = authentication.getName();
        String current = users.passwordHash(username).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.CONFLICT, "only local accounts have a password here; change it at your sign-in provider"));
        if (request.currentPassword() == null || !passwords.matches(request.currentPassword(), current)) {
            audit.record("user.password.change", username, AuditOutcome.FAILURE, Map.of("reason", "wrong current password"));
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the current password is not right");
        }
        users.changePassword(username, passwords.encode(PasswordPolicy.check(request.newPassword())));
        audit.record("user.password.change", username, AuditOutcome.SUCCESS, Map.of());
    }
}
