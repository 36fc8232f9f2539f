package io.vigil.store.pam;

import java.time.Instant;
import java.util.List;

/**
 * A PAM vault connection as stored: where the vault is and how Vigil signs in, without the credential
 * itself (that is in the secret store), plus what the last test and sync found.
 *
 * @param vendor    {@code CYBERARK}, {@code BEYONDTRUST} or {@code DELINEA}
 * @param authMode  the vendor's sign-in variant, e.g. {@code VAULT_LOGON} or {@code IDENTITY_CLIENT}
 * @param sessionHosts the host names or addresses the vault's brokered sessions sign in from (CyberArk PSM
 *                     servers, session proxies); empty when not named
 * @param status    {@code UNKNOWN} until tested, then {@code CONNECTED} or {@code FAILED}
 * @param accounts  accounts the last successful sync found
 */
public record PamConnection(String id, String name, String vendor, String authMode, String url, String identityUrl,
                            String userName, String loginDomain, List<String> sessionHosts, boolean enabled,
                            String status, String statusMessage, Instant checkedAt, Instant syncedAt, int accounts,
                            Instant createdAt, Instant updatedAt) {

    public PamConnection {
        sessionHosts = sessionHosts == null ? List.of() : List.copyOf(sessionHosts);
    }

    public static final String UNKNOWN = "UNKNOWN";
    public static final String CONNECTED = "CONNECTED";
    public static final String FAILED = "FAILED";
}
