package io.vigil.server.users;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.security.AuditTrail;
import io.vigil.server.security.Roles;
import io.vigil.store.VigilDatabase;
import io.vigil.store.users.ApiTokenRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * API tokens for the API and the console: everyone issues and revokes their own, with a role no
 * higher than their own; global admins see and revoke all. Issuing and revoking are audited.
 */
@Service
public class ApiTokenService {

    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    private static final int MAX_NAME_LENGTH = 100;

    private final ApiTokens tokens;
    private final ApiTokenRepository repository;
    private final AuditTrail audit;

    ApiTokenService(ApiTokens tokens, VigilDatabase database, AuditTrail audit) {
        this.tokens = tokens;
        this.repository = database.apiTokens();
        this.audit = audit;
    }

    public List<TokenView> own(Authentication caller) {
        return repository.listByOwner(caller.getName()).stream().map(TokenView::of).toList();
    }

    public List<TokenView> all() {
        return repository.list().stream().map(TokenView::of).toList();
    }

    /**
     * @param role      null for the caller's own role
     * @param expiresAt null for 90 days from now
     * @return the token with its secret, shown this once
     */
    public TokenView issue(Authentication caller, String name, Role role, Instant expiresAt) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "a token needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        Role own = Roles.of(caller).orElseThrow();
        Role granted = role == null ? own : role;
        if (!own.includes(granted)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "a token's role cannot exceed your own (" + own + ")");
        }
        Instant now = Instant.now();
        Instant expires = expiresAt == null ? now.plus(DEFAULT_LIFETIME) : expiresAt;
        if (!expires.isAfter(now)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expiresAt must be in the future");
        }
        ApiTokens.Issued issued = tokens.issue(name.strip(), granted, caller.getName(), expires);
        audit.record("token.create", issued.token().id(), AuditOutcome.SUCCESS, Map.of(
                "name", issued.token().name(), "role", granted.name(), "expiresAt", expires.toString()));
        return TokenView.withSecret(issued.token(), issued.secret());
    }

    /** Revokes the caller's own token, or anyone's for a global admin; audited when it was still live. */
    public void revoke(Authentication caller, String id) {
        // someone else's token is "not found" to anyone but a global admin: its existence is not theirs to learn
        ApiToken token = repository.findById(id)
                .filter(t -> t.owner().equals(caller.getName()) || Roles.of(caller).orElseThrow() == Role.GLOBAL_ADMIN)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no token " + id));
        if (repository.revoke(token.id())) {
            audit.record("token.revoke", token.id(), AuditOutcome.SUCCESS,
                    Map.of("name", token.name(), "owner", token.owner()));
        }
    }
}
