package io.vigil.store.pam;

import java.time.Instant;

/**
 * A "reset password by <vendor>" request and how far it got.
 *
 * @param idempotencyKey the client's key: the same key never makes a second request
 * @param target         the identity as the analyst named it, e.g. {@code LAB\svc_sql}
 * @param state          {@code REQUESTED}, {@code SUBMITTING}, {@code SUBMITTED}, {@code IN_PROGRESS},
 *                       {@code SUCCEEDED}, {@code FAILED} or {@code TIMED_OUT}
 * @param handle         what the vault gave back to poll with (JSON), once submitted
 */
public record PasswordReset(String id, String idempotencyKey, String connectionId, String accountId, String target,
                            String reason, String requestedBy, String alertId, String state, String message,
                            String handle, Instant requestedAt, Instant updatedAt) {
}
