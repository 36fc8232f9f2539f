package io.vigil.server.pam;

import java.util.List;

/**
 * A vault connection as an administrator enters it. {@code secret} is the password, API key or client
 * secret the sign-in needs; on an update, leaving it out keeps the stored one. Secrets are written to
 * the encrypted store and never returned.
 *
 * @param auth        the sign-in variant (see {@link VaultSignIn}): {@code vault-logon}, {@code identity-client},
 *                    {@code api-key}, {@code oauth-client}, {@code secret-server} or {@code platform}
 * @param url         the PVWA root, the Password Safe API root, the Secret Server root or the Delinea tenant
 * @param identityUrl CyberArk Privilege Cloud only: the Identity tenant
 * @param user        the vault user, client id, or BeyondTrust run-as user
 * @param domain      Delinea Secret Server only: the login domain, if any
 * @param sessionHosts the host names or IP addresses the vault's brokered sessions sign in from (CyberArk PSM
 *                     servers, BeyondTrust or Delinea session proxies): a vault session then vouches only for
 *                     sign-ins from these. Left out, a session vouches for the account's sign-ins from anywhere.
 *                     Name them by address where you can: logon events carry the client's claimed name.
 */
public record PamConnectionRequest(String name, String vendor, String auth, String url, String identityUrl, String user,
                            String domain, List<String> sessionHosts, String secret, String runAsPassword,
                            Boolean enabled) {

    @Override
    public String toString() {
        return "PamConnectionRequest[name=" + name + ", vendor=" + vendor + ", auth=" + auth + ", url=" + url
                + ", secret=****]";
    }
}
