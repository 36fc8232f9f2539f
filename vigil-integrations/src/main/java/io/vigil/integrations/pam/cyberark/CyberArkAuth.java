package io.vigil.integrations.pam.cyberark;

import io.vigil.integrations.secret.SecretSupplier;
import java.net.URI;

/** How Vigil signs in to CyberArk. */
public sealed interface CyberArkAuth {

    /**
     * Self-hosted PVWA (and older Privilege Cloud Standard): a vault user's logon, giving a session
     * token that is sent raw in {@code Authorization} and ended with a logoff.
     */
    record VaultLogon(LogonMethod method, String userName, SecretSupplier password) implements CyberArkAuth {
    }

    /**
     * Privilege Cloud on the Identity Security Platform: an Identity service user that is an OAuth
     * confidential client ({@code client_id} like {@code name@cyberark.cloud.12345}), giving Bearer tokens.
     *
     * @param identityUrl the Identity tenant, e.g. {@code https://abc1234.id.cyberark.cloud/}
     */
    record IdentityServiceUser(URI identityUrl, String clientId, SecretSupplier clientSecret) implements CyberArkAuth {
    }
}
