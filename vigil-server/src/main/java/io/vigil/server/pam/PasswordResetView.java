package io.vigil.server.pam;

import io.vigil.store.pam.PasswordReset;
import java.time.Instant;
import java.util.Locale;

/**
 * A password reset and how far it got.
 *
 * @param action     what it is called, e.g. {@code Reset password by CyberArk}
 * @param state      {@code awaiting_approval}, {@code requested}, {@code submitting}, {@code submitted},
 *                   {@code in_progress}, {@code succeeded}, {@code failed}, {@code timed_out} or {@code rejected}
 * @param identityId the directory identity (objectGUID) it is for, when the directory inventory holds it
 * @param automatic  whether the automatic response to an alert asked for it
 * @param decidedBy  who approved or rejected it, when it waited for approval
 */
public record PasswordResetView(String id, String target, String identityId, String connectionId, String action,
                                String state, String message, String reason, String requestedBy, boolean automatic,
                                String alertId, String decidedBy, Instant decidedAt, Instant requestedAt,
                                Instant updatedAt) {

    static PasswordResetView of(PasswordReset r, String action) {
        return new PasswordResetView(r.id(), r.target(), r.identityId(), r.connectionId(), action,
                r.state().toLowerCase(Locale.ROOT), r.message(), r.reason(), r.requestedBy(),
                AutomaticResponse.ACTOR.equals(r.requestedBy()), r.alertId(), r.decidedBy(), r.decidedAt(),
                r.requestedAt(), r.updatedAt());
    }
}
