package io.vigil.server.users;

import io.vigil.model.user.Role;
import io.vigil.server.security.GlobalAdminAccess;
import io.vigil.server.security.ReaderAccess;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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

/**
 * {@code /api/v1/tokens}: API tokens for automation. Everyone manages their own, with a role no higher
 * than their own; global admins see and revoke all. The secret is in the creation answer only.
 */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    /**
     * @param role      defaults to the caller's own role
     * @param expiresAt defaults to 90 days from now
     */
    record NewToken(String name, Role role, Instant expiresAt) {
    }

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @ReaderAccess
    List<TokenView> own(Authentication caller) {
        return tokens.own(caller);
    }

    @GetMapping("/all")
    @GlobalAdminAccess
    List<TokenView> all() {
        return tokens.all();
    }

    @PostMapping
    @ReaderAccess
    ResponseEntity<TokenView> create(Authentication caller, @RequestBody NewToken request) {
        TokenView issued = tokens.issue(caller, request.name(), request.role(), request.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id())).body(issued);
    }

    @DeleteMapping("/{id}")
    @ReaderAccess
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Authentication caller, @PathVariable("id") String id) {
        tokens.revoke(caller, id);
    }
}
