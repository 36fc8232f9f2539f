package io.vigil.server.console.settings.internal;

import io.vigil.server.api.InvalidRequestException;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.StaleVersionException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A service's refusal that the person at the form can correct: a bad value (400), a name already taken
 * or a change someone else made first (409), a request the service could not process (422). The form
 * comes back with its message and the status (htmx swaps these, see the shell's htmx config).
 */
public record Refusal(HttpStatus status, String message) {

    private static final Set<HttpStatus> FORM_STATUSES = Set.of(HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT,
            HttpStatus.UNPROCESSABLE_CONTENT);

    /**
     * @throws RuntimeException {@code e} itself when it is no refusal a form can show (not found,
     *                          forbidden, a failure of the server), for the console's error handling
     */
    public static Refusal of(RuntimeException e) {
        if (e instanceof InvalidRequestException) {
            return new Refusal(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (e instanceof StaleVersionException) {
            return new Refusal(HttpStatus.CONFLICT, e.getMessage() + "; the page now shows the current state");
        }
        if (e instanceof AlreadyExistsException) {
            return new Refusal(HttpStatus.CONFLICT, e.getMessage());
        }
        if (e instanceof ResponseStatusException r && r.getReason() != null) {
            HttpStatus status = HttpStatus.resolve(r.getStatusCode().value());
            if (status != null && FORM_STATUSES.contains(status)) {
                return new Refusal(status, r.getReason());
            }
        }
        throw e;
    }

    public Feedback feedback() {
        return Feedback.failed(message);
    }
}
