package io.vigil.server.pam;

import io.vigil.integrations.pam.PamVendor;

/** How Vigil signs in to a vault: each vendor's documented variants. */
public enum VaultSignIn {
    /** CyberArk PVWA self-hosted: {@code auth/CyberArk/Logon} with a vault user. */
    VAULT_LOGON(PamVendor.CYBERARK),
    /** CyberArk Privilege Cloud: an Identity service user (OAuth2 client credentials). */
    IDENTITY_CLIENT(PamVendor.CYBERARK),
    /** BeyondTrust Password Safe: an API registration key, optionally run as a user. */
    API_KEY(PamVendor.BEYONDTRUST),
    /** BeyondTrust Password Safe: an OAuth client, then SignAppIn. */
    OAUTH_CLIENT(PamVendor.BEYONDTRUST),
    /** Delinea Secret Server, self-hosted or cloud: the OAuth2 password grant. */
    SECRET_SERVER(PamVendor.DELINEA),
    /** Delinea Platform: a service user (client credentials), the vault discovered. */
    PLATFORM(PamVendor.DELINEA);

    private final PamVendor vendor;

    VaultSignIn(PamVendor vendor) {
        this.vendor = vendor;
    }

    public PamVendor vendor() {
        return vendor;
    }
}
