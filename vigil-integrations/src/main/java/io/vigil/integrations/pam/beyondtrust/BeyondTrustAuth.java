package io.vigil.integrations.pam.beyondtrust;

import io.vigil.integrations.secret.SecretSupplier;

/** How Vigil signs in to Password Safe; either way the session is then a cookie. */
public sealed interface BeyondTrustAuth {

    /**
     * An API registration key, sent as {@code PS-Auth key=…; runas=…; pwd=[…];}. {@code runAs} may be
     * null for "API Key Policy" registrations; {@code runAsPassword} only when the registration
     * requires the user's password.
     */
    record ApiKey(SecretSupplier key, String runAs, SecretSupplier runAsPassword) implements BeyondTrustAuth {
    }

    /** An "API Access Policy" registration's OAuth client; its token opens the session at {@code Auth/SignAppIn}. */
    record OAuthClient(String clientId, SecretSupplier clientSecret) implements BeyondTrustAuth {
    }
}
