package io.vigil.server.pam;

import io.vigil.integrations.pam.PamConfig;
import io.vigil.integrations.pam.beyondtrust.BeyondTrustAuth;
import io.vigil.integrations.pam.beyondtrust.BeyondTrustConfig;
import io.vigil.integrations.pam.cyberark.CyberArkAuth;
import io.vigil.integrations.pam.cyberark.CyberArkConfig;
import io.vigil.integrations.pam.cyberark.LogonMethod;
import io.vigil.integrations.pam.delinea.DelineaAuth;
import io.vigil.integrations.pam.delinea.DelineaConfig;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.store.pam.PamConnection;
import io.vigil.store.secrets.SecretStore;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * Turns a stored connection into the vendor's connector settings. Credentials are read from the secret
 * store only when the connector signs in, and wiped by it afterwards.
 */
@Component
class VaultConfigs {

    private final SecretStore secrets;

    VaultConfigs(SecretStore secrets) {
        this.secrets = secrets;
    }

    static String secretName(String connectionId) {
        return "pam/" + connectionId + "/secret";
    }

    static String runAsPasswordName(String connectionId) {
        return "pam/" + connectionId + "/run-as-password";
    }

    PamConfig of(PamConnection c) {
        SecretSupplier secret = () -> secrets.reveal(secretName(c.id()));
        URI url = URI.create(c.url());
        return switch (VaultSignIn.valueOf(c.authMode())) {
            case VAULT_LOGON -> new CyberArkConfig(url, new CyberArkAuth.VaultLogon(LogonMethod.CYBERARK, c.userName(), secret));
            case IDENTITY_CLIENT -> new CyberArkConfig(url,
                    new CyberArkAuth.IdentityServiceUser(URI.create(c.identityUrl()), c.userName(), secret));
            case API_KEY -> new BeyondTrustConfig(url, new BeyondTrustAuth.ApiKey(secret, c.userName(),
                    secrets.exists(runAsPasswordName(c.id())) ? () -> secrets.reveal(runAsPasswordName(c.id())) : null));
            case OAUTH_CLIENT -> new BeyondTrustConfig(url, new BeyondTrustAuth.OAuthClient(c.userName(), secret));
            case SECRET_SERVER -> new DelineaConfig(new DelineaAuth.SecretServerLogin(url, c.userName(), secret,
                    c.loginDomain()));
            case PLATFORM -> new DelineaConfig(new DelineaAuth.PlatformServiceUser(url, c.userName(), secret));
        };
    }
}
