package io.vigil.store.pam;

import java.time.Instant;

/**
 * A "reset password by <vendor>" request and how far it got.
 *
 * @param idempotencyKey the client's key: the same key never makes a second request
 * @param target         the identity as the request named it, e.g. {@code LAB\svc_sql}
 * @param identityId     the directory identity (objectGUID) the target was resolved to, or null when the
 *                       directory inventory does not hold it
 * @param state          {@code AWAITING_APPROVAL}, {@code REQUESTED}, {@code SUBMITTING}, {@code SUBMITTED},
 *                       {@code IN_PROGRESS}, {@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT} or {@code REJECTED}
 * @param handle         what the vault gave back to poll with (JSON), once submitted
 * @param decidedBy      who approved or rejected a request that waited for approval, else null
 */
public record PasswordReset(String id, String idempotencyKey, String connectionId, String accountId, String target,
                            String identityId, String reason, String requestedBy, String alertId, String state,
                            String message, String handle, String decidedBy, Instant decidedAt, Instant requestedAt,
                            Instant updatedAt) {

    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";
    public static final String REQUESTED = "REQUESTED";
    public static final String REJECTED = "REJECTED";

    /** A new request for {@link PasswordResetRepository#createOnce}, in {@code state} (requested or awaiting approval). */
    public static PasswordReset request(String id, String idempotencyKey, String connectionId, String accountId,
                                        String target, String identityId, String reason, String requestedBy,
                                        String alertId, String state) {
        return new PasswordReset(id, idempotencyKey, connectionId, accountId, target, identityId, reason, requestedBy,
                alertId, state, null, null, null, null, null, null);
    }

    /** When the request was handed to the vault's side: its approval, or its request when none was needed. */
    public Instant releasedAt() {
        return decidedAt != null ? decidedAt : requestedAt;
    }
}
