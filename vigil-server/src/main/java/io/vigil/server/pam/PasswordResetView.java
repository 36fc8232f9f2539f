package io.vigil.server.pam;

import io.vigil.store.pam.PasswordReset;
import java.time.Instant;

/** A password reset and how far it got; {@code state} is requested, submitting, submitted, in_progress, succeeded, failed or timed_out. */
public record PasswordResetView(String id, String target, String connectionId, String action, String state, String message,
                         String reason, String requestedBy, String alertId, Instant requestedAt, Instant updatedAt) {

    static PasswordResetView of(PasswordReset r, String action) {
        return new PasswordResetView(r.id(), r.target(), r.connectionId(), action,
                r.state().toLowerCase(java.util.Locale.ROOT), r.message(), r.reason(), r.requestedBy(), r.alertId(),
                r.requestedAt(), r.updatedAt());
    }
}
