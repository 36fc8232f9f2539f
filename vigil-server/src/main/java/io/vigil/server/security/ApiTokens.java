package io.vigil.server.security;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import io.vigil.model.user.UserAccount;
import io.vigil.store.VigilDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Issues and checks API tokens {@code vgl_<43 base64url characters>} (256 random bits). The store keeps
 * only the SHA-256 of a token: a fast hash is enough because the secret is random, not a password.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "vgl_";
    private static final int RANDOM_BYTES = 32;
    /** Writing last-used on every call would turn each API request into a database write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final VigilDatabase database;
    private final AuditTrail audit;

    ApiTokens(VigilDatabase database, AuditTrail audit) {
        this.database = database;
        this.audit = audit;
    }

    /** A new token: {@code secret} is shown to its owner this once and never stored. */
    public record Issued(ApiToken token, String secret) {
        @Override
        public String toString() {
            return "Issued[" + token + ", secret=****]";
        }
    }

    /** @param expiresAt {@code null} for a token that never expires */
    public Issued issue(String name, Role role, String owner, Instant expiresAt) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(database.apiTokens().create(name, hash(secret), role, owner, expiresAt), secret);
    }

    /**
     * The authentication a presented token stands for, when it is known, neither revoked nor expired,
     * and its owner (when a local account) is enabled. Failures are audited, never explained to the caller.
     */
    Optional<ApiTokenAuthentication> authenticate(String presented) {
        Optional<ApiToken> found = presented.startsWith(PREFIX)
                ? database.apiTokens().findByHash(hash(presented))
                : Optional.empty();
        if (found.isEmpty()) {
            return refuse(AuditTrail.ANONYMOUS, null, "unknown token");
        }
        ApiToken token = found.get();
        Instant now = Instant.now();
        if (token.revoked()) {
            return refuse(token.owner(), token, "revoked");
        }
        if (!token.isUsableAt(now)) {
            return refuse(token.owner(), token, "expired");
        }
        Optional<UserAccount> owner = database.users().find(token.owner());
        if (owner.isPresent() && !owner.get().enabled()) {
            return refuse(token.owner(), token, "owner disabled");
        }
        // an owner demoted since the token was made takes the token down with them
        Role role = owner.map(UserAccount::role)
                .filter(ownerRole -> !ownerRole.includes(token.role()))
                .orElse(token.role());
        if (token.lastUsedAt() == null || !now.isBefore(token.lastUsedAt().plus(LAST_USED_PRECISION))) {
            database.apiTokens().markUsed(token.id(), now);
        }
        return Optional.of(new ApiTokenAuthentication(token, role));
    }

    private Optional<ApiTokenAuthentication> refuse(String actor, ApiToken token, String reason) {
        audit.recordAs(actor, "token.sign-in", token == null ? null : token.id(), AuditOutcome.FAILURE,
                Map.of("reason", reason));
        return Optional.empty();
    }

    static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
