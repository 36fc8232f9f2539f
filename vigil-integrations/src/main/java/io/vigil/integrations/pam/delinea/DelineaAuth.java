package io.vigil.integrations.pam.delinea;

import io.vigil.integrations.secret.SecretSupplier;
import java.net.URI;

/** How Vigil signs in to Delinea. */
public sealed interface DelineaAuth {

    /**
     * Secret Server self-hosted or Cloud: {@code oauth2/token} password grant.
     *
     * @param secretServerUrl e.g. {@code https://ss.corp.local/SecretServer/} or {@code https://tenant.secretservercloud.com/}
     * @param domain          the AD domain of a domain user, or null for a local Secret Server user
     */
    record SecretServerLogin(URI secretServerUrl, String userName, SecretSupplier password, String domain)
            implements DelineaAuth {
    }

    /**
     * Delinea Platform: a service user's client credentials (scope {@code xpmheadless}); the Secret
     * Server to call is the tenant's default active vault, found through the vault broker.
     *
     * @param tenantUrl e.g. {@code https://tenant.delinea.app/}
     */
    record PlatformServiceUser(URI tenantUrl, String clientId, SecretSupplier clientSecret) implements DelineaAuth {
    }
}
