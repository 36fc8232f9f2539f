package io.vigil.integrations.pam;

import java.time.Instant;

/** One audit record of an account in the vault: who did what (view, check-out, launch, password change) and when. */
public record AccountActivity(PamVendor vendor, String accountId, Instant time, String user, String action,
                              String details) {
}
