package io.vigil.server.pam;

/**
 * "Reset password by <vendor>" as an analyst asks for it.
 *
 * @param target       the identity: {@code DOMAIN\sAMAccountName}, a UPN, or a bare account name
 * @param reason       why, for the audit log and the vault's own records
 * @param connectionId which vault, needed only when several manage the account
 * @param alertId      the alert the action was started from, if any
 */
public record PasswordResetRequest(String target, String reason, String connectionId, String alertId) {
}
