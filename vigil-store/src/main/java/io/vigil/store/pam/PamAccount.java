package io.vigil.store.pam;

import java.time.Instant;

/** An account a connected vault manages, as of the connection's last successful sync. */
public record PamAccount(String connectionId, String accountId, String userName, String domain, String upn,
                         String address, String container, String platform, boolean directoryAccount,
                         Boolean autoManaged, Instant lastChanged) {
}
