package io.vigil.store.users;

import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;

/**
 * API tokens. Only a hash of each token is stored (the server hashes the presented token and looks
 * the hash up), so a copy of the database does not hand out working tokens.
 */
public final class ApiTokenRepository {

    private static final RowMapper<ApiToken> MAPPER = (rs, row) -> new ApiToken(
            rs.getString("id"),
            rs.getString("name"),
            Role.valueOf(rs.getString("role")),
            rs.getString("owner"),
            Times.fromDb(rs, "created_at"),
            Times.fromDb(rs, "expires_at"),
            Times.fromDb(rs, "last_used_at"),
            rs.getBoolean("revoked"));

    private final StoreContext store;

    public ApiTokenRepository(StoreContext store) {
        this.store = store;
    }

    /**
     * @param expiresAt {@code null} for a token that never expires
     * @throws AlreadyExistsException when a token with the same hash exists
     */
    public ApiToken create(String name, String tokenHash, Role role, String owner, Instant expiresAt) {
        String id = UUID.randomUUID().toString();
        try {
            store.jdbc().sql("""
                            INSERT INTO api_tokens (id, name, token_hash, role, owner, created_at, expires_at, revoked)
                            VALUES (:id, :name, :hash, :role, :owner, :now, :expires_at, FALSE)""")
                    .param("id", id)
                    .param("name", name)
                    .param("hash", tokenHash)
                    .param("role", role.name())
                    .param("owner", owner)
                    .param("now", Times.toDb(store.now()))
                    .param("expires_at", Times.toDb(Times.storable(expiresAt)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AlreadyExistsException("an API token with this hash already exists", e);
        }
        return findById(id).orElseThrow();
    }

    /** The token with this hash, revoked or expired ones included: check {@link ApiToken#isUsableAt}. */
    public Optional<ApiToken> findByHash(String tokenHash) {
        return store.jdbc().sql("SELECT * FROM api_tokens WHERE token_hash = :hash")
                .param("hash", tokenHash)
                .query(MAPPER)
                .optional();
    }

    public Optional<ApiToken> findById(String id) {
        return store.jdbc().sql("SELECT * FROM api_tokens WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    public List<ApiToken> listByOwner(String owner) {
        return store.jdbc().sql("SELECT * FROM api_tokens WHERE owner = :owner ORDER BY created_at, id")
                .param("owner", owner)
                .query(MAPPER)
                .list();
    }

    public List<ApiToken> list() {
        return store.jdbc().sql("SELECT * FROM api_tokens ORDER BY created_at, id").query(MAPPER).list();
    }

    public void markUsed(String id, Instant at) {
        store.jdbc().sql("UPDATE api_tokens SET last_used_at = :at WHERE id = :id")
                .param("at", Times.toDb(Times.storable(at)))
                .param("id", id)
                .update();
    }

    /** Returns whether a token was revoked now (false when it does not exist or already was). */
    public boolean revoke(String id) {
        return store.jdbc().sql("UPDATE api_tokens SET revoked = TRUE WHERE id = :id AND revoked = FALSE")
                .param("id", id)
                .update() > 0;
    }
}
