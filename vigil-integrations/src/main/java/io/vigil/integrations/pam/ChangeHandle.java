package io.vigil.integrations.pam;

import java.time.Instant;

/**
 * A password change the vault accepted. Plain values only, so the server can store it and go on
 * polling after a restart. The "before" fields are what the account looked like just before the
 * request, so a poll can tell this change's outcome from an earlier one's.
 *
 * @param lastChangeBefore the account's last change (or attempt) time before the request, or null
 * @param stateBefore      the vendor's change status before the request (e.g. CyberArk {@code failure}), or null
 */
public record ChangeHandle(PamVendor vendor, String accountId, Instant requestedAt, Instant lastChangeBefore,
                           String stateBefore) {
}
