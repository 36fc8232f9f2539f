package io.vigil.integrations.pam;

import java.time.Instant;

/**
 * A session the vault brokered: {@code user} (the vault or PAM user who launched it) used
 * {@code accountUserName} on {@code targetHost}. Logons it causes come from the vault's session
 * proxy, not from {@code clientAddress}.
 *
 * @param accountId     the vault's id of the account used ({@link ManagedAccount#id()}), when the vendor
 *                      gives it (BeyondTrust, Delinea); else null, and the account is known by name only
 * @param accountDomain the account's domain or address as the vault records it, or null
 * @param end           null while the session is live
 */
public record PrivilegedSession(PamVendor vendor, String sessionId, String user, String accountId,
                                String accountUserName, String accountDomain, String targetHost, String clientAddress,
                                String protocol, Instant start, Instant end) {

    public boolean live() {
        return end == null;
    }
}
