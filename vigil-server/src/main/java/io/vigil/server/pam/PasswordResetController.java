package io.vigil.server.pam;

import io.vigil.server.api.PageView;
import io.vigil.server.api.Paging;
import io.vigil.server.security.AdminAccess;
import io.vigil.server.security.ReaderAccess;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/response/password-resets}: "Reset password by <vendor>" on an identity a connected
 * vault manages. Asking is for security and global administrators; it runs asynchronously, so the
 * answer is {@code 202} with the request, whose state readers can follow. The {@code Idempotency-Key}
 * header makes a retry (same key) return the first request instead of resetting twice. Requests the
 * automatic response made may wait for an administrator to approve or reject them.
 */
@RestController
@RequestMapping("/api/v1/response/password-resets")
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @AdminAccess
    ResponseEntity<PasswordResetView> request(@RequestBody PasswordResetRequest request,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                              Principal user) {
        PasswordResets.Requested requested = resets.request(request, key, user.getName());
        return ResponseEntity.status(requested.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(requested.reset());
    }

    @GetMapping
    @ReaderAccess
    PageView<PasswordResetView> list(@RequestParam(name = "offset", defaultValue = Paging.DEFAULT_OFFSET) int offset,
                                     @RequestParam(name = "limit", defaultValue = Paging.DEFAULT_LIMIT) int limit,
                                     @RequestParam(name = "target", required = false) String target) {
        return PageView.of(resets.find(target, Paging.of(offset, limit)), view -> view);
    }

    @GetMapping("/{id}")
    @ReaderAccess
    PasswordResetView get(@PathVariable("id") String id) {
        return resets.get(id);
    }

    /**
     * Lets a request that the automatic response left awaiting approval go to the vault; audited with who
     * approved it. Only from {@code awaiting_approval}: any other state answers 400.
     */
    @PostMapping("/{id}/approve")
    @AdminAccess
    PasswordResetView approve(@PathVariable("id") String id, @RequestBody(required = false) Decision decision,
                              Principal user) {
        return resets.approve(id, user.getName(), decision == null ? null : decision.comment());
    }

    /** Turns down a request awaiting approval: it ends {@code rejected} and the vault is never asked. */
    @PostMapping("/{id}/reject")
    @AdminAccess
    PasswordResetView reject(@PathVariable("id") String id, @RequestBody(required = false) Decision decision,
                             Principal user) {
        return resets.reject(id, user.getName(), decision == null ? null : decision.comment());
    }

    /** An administrator's optional note on an approval or rejection. */
    record Decision(String comment) {
    }
}
