package io.vigil.server.users;

import io.vigil.model.audit.AuditOutcome;
import io.vigil.model.user.ApiToken;
import io.vigil.model.user.Role;
import io.vigil.server.security.ApiTokens;
import io.vigil.server.security.AuditTrail;
import io.vigil.server.security.GlobalAdminAccess;
import io.vigil.server.security.ReaderAccess;
import io.vigil.server.security.Roles;
import io.vigil.store.VigilDatabase;
import io.vigil.store.users.ApiTokenRepository;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/tokens}: API tokens for automation. Everyone manages their own, with a role no higher
 * than their own; global admins see and revoke all. The secret is in the creation answer only.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    private static final int MAX_NAME_LENGTH = 100;

    /**
     * @param role      defaults to the caller's own role
     * @param expiresAt defaults to 90 days from now
     */
    record NewToken(String name, Role role, Instant expiresAt) {
    }

    private final ApiTokens tokens;
    private final ApiTokenRepository repository;
    private final AuditTrail audit;

    TokenController(ApiTokens tokens, VigilDatabase database, AuditTrail audit) {
        this.tokens = tokens;
        this.repository = database.apiTokens();
        this.audit = audit;
    }

    @GetMapping
    @ReaderAccess
    List<TokenView> own(Authentication caller) {
        return repository.listByOwner(caller.getName()).stream().map(TokenView::of).toList();
    }

    @GetMapping("/all")
    @GlobalAdminAccess
    List<TokenView> all() {
        return repository.list().stream().map(TokenView::of).toList();
    }

    @PostMapping
    @ReaderAccess
    ResponseEntity<TokenView> create(Authentication caller, @RequestBody NewToken request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > MAX_NAME_LENGTH) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "a token needs a name of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        Role own = Roles.of(caller).orElseThrow();
        Role role = request.role() == null ? own : request.role();
        if (!own.includes(role)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "a token's role cannot exceed your own (" + own + ")");
        }
        Instant now = Instant.now();
        Instant expiresAt = request.expiresAt() == null ? now.plus(DEFAULT_LIFETIME) : request.expiresAt();
        if (!expiresAt.isAfter(now)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expiresAt must be in the future");
        }
        ApiTokens.Issued issued = tokens.issue(request.name().strip(), role, caller.getName(), expiresAt);
        audit.record("token.create", issued.token().id(), AuditOutcome.SUCCESS, Map.of(
                "name", issued.token().name(), "role", role.name(), "expiresAt", expiresAt.toString()));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(TokenView.withSecret(issued.token(), issued.secret()));
    }

    @DeleteMapping("/{id}")
    @ReaderAccess
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication caller, @PathVariable("id") String id) {
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
