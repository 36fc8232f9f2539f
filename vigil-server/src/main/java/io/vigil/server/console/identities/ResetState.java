package io.vigil.server.console.identities;

import io.vigil.server.console.internal.Links;
import io.vigil.server.pam.PasswordResetView;
import io.vigil.store.pam.PasswordReset;
import io.vigil.store.pam.PasswordResetRepository;
import java.util.Locale;

/**
 * A password reset as the identity page shows it ({@code identities/reset :: state}).
 *
 * @param pollUrl     where htmx asks for the state again; null once the state is final, which ends the polling
 * @param decisionUrl where an admin approves ({@code …/approve}) or rejects ({@code …/reject}) a request that
 *                    awaits approval; null for any other state
 */
public record ResetState(PasswordResetView reset, String pollUrl, String decisionUrl) {

    static ResetState of(String identityId, PasswordResetView reset) {
        String state = reset.state().toUpperCase(Locale.ROOT);
        String url = Links.path("/identities/{id}/password-resets/{reset}", identityId, reset.id());
        return new ResetState(reset, PasswordResetRepository.FINAL.contains(state) ? null : url,
                PasswordReset.AWAITING_APPROVAL.equals(state) ? url : null);
    }
}
