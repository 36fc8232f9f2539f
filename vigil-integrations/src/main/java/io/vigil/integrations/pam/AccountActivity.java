package io.vigil.integrations.pam;

import java.time.Instant;

/**
 * One audit record of an account in the vault: who did what (view, check-out, launch, password change)
 * and when, with what that means for who could sign in with the account ({@link Use}), as the
 * vendor's connector reads its own action vocabulary.
 */
public record AccountActivity(PamVendor vendor, String accountId, Instant time, String user, String action,
                              String details, Use use) {

    /** What a record means for who could sign in with the account. */
    public enum Use {
        /** The password was handed to someone (checked out, retrieved, displayed, copied): they may sign in from anywhere. */
        CHECKOUT,
        /** The vault opened a session with the account for someone: its sign-ins come from the vault's session hosts. */
        LAUNCH,
        /** A checked-out password was given back. */
        CHECKIN,
        /** Anything else: password changes and verifications, edits, the vault's own reads. */
        OTHER
    }
}
