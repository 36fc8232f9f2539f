package io.vigil.server.console.identities;

import io.vigil.server.console.internal.Links;
import io.vigil.server.pam.PasswordResetView;
import io.vigil.store.pam.PasswordResetRepository;
import java.util.Locale;

/**
 * A password reset as the identity page shows it ({@code identities/reset :: state}).
 *
 * @param pollUrl where htmx asks for the state again; null once the state is final, which ends the polling
 */
public record ResetState(PasswordResetView reset, String pollUrl) {

    static ResetState of(String identityId, PasswordResetView reset) {
        boolean done = PasswordResetRepository.FINAL.contains(reset.state().toUpperCase(Locale.ROOT));
        return new ResetState(reset, done ? null
                : Links.path("/identities/{id}/password-resets/{reset}", identityId, reset.id()));
    }
}
