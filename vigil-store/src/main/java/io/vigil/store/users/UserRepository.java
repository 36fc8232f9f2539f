package io.vigil.store.users;

import io.vigil.model.user.Role;
import io.vigil.model.user.UserAccount;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;

/**
 * Local sign-in accounts. The store keeps password hashes (bcrypt or argon2 strings) but never
 * hashes or checks passwords itself: that is the server's job.
 */
public final class UserRepository {

    private static final String USER = "user";
    private static final RowMapper<UserAccount> MAPPER = (rs, row) -> new UserAccount(
            rs.getString("username"),
            Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"),
            rs.getInt("failed_logins"),
            Times.fromDb(rs, "created_at"),
            Times.fromDb(rs, "updated_at"));

    private final StoreContext store;

    public UserRepository(StoreContext store) {
        this.store = store;
    }

    /** @throws AlreadyExistsException when the user name is taken */
    public UserAccount create(String username, String passwordHash, Role role) {
        var now = Times.toDb(store.now());
        try {
            store.jdbc().sql("""
                            INSERT INTO users (username, password_hash, role, enabled, failed_logins, created_at, updated_at)
                            VALUES (:username, :hash, :role, TRUE, 0, :now, :now)""")
                    .param("username", username)
                    .param("hash", passwordHash)
                    .param("role", role.name())
                    .param("now", now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExistsException("user " + username + " already exists", e);
        }
        return find(username).orElseThrow();
    }

    public Optional<UserAccount> find(String username) {
        return store.jdbc().sql("SELECT * FROM users WHERE username = :username")
                .param("username", username)
                .query(MAPPER)
                .optional();
    }

    /** The stored hash to verify a password against; kept out of {@link UserAccount} on purpose. */
    public Optional<String> passwordHash(String username) {
        return store.jdbc().sql("SELECT password_hash FROM users WHERE username = :username")
                .param("username", username)
                .query(String.class)
                .optional();
    }

    public List<UserAccount> list() {
        return store.jdbc().sql("SELECT * FROM users ORDER BY username").query(MAPPER).list();
    }

    public long count() {
        return store.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    /** Sets a new hash and clears the failed sign-in counter. */
    public void changePassword(String username, String passwordHash) {
        update(username, "password_hash = :value, failed_logins = 0", passwordHash);
    }

    public void changeRole(String username, Role role) {
        update(username, "role = :value", role.name());
    }

    public void setEnabled(String username, boolean enabled) {
        update(username, "enabled = :value", enabled);
    }

    /** Counts a failed sign-in; returns the consecutive failures so far, for lock-out decisions. */
    public int recordFailedLogin(String username) {
        update(username, "failed_logins = failed_logins + 1", null);
        return find(username).orElseThrow().failedLogins();
    }

    public void resetFailedLogins(String username) {
        update(username, "failed_logins = 0", null);
    }

    public boolean delete(String username) {
        return store.jdbc().sql("DELETE FROM users WHERE username = :username").param("username", username).update() > 0;
    }

    private void update(String username, String assignments, Object value) {
        int updated = store.jdbc().sql("UPDATE users SET " + assignments + ", updated_at = :now WHERE username = :username")
                .param("value", value)
                .param("now", Times.toDb(store.now()))
                .param("username", username)
                .update();
        if (updated == 0) {
            throw new NotFoundException(USER, username);
        }
    }
}
