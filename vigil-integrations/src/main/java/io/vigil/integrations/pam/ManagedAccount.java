package io.vigil.integrations.pam;

import java.time.Instant;

/**
 * An account a vault holds, as much as is needed to match it to a directory identity and to ask
 * the vault to rotate it. No vendor stores a SID; match by {@code DOMAIN\sAMAccountName} or UPN.
 *
 * @param id                the vendor's id, what {@link PamConnector#requestPasswordChange} takes
 * @param domain            the domain as the vault spells it (NetBIOS or DNS name), null for a local account
 * @param userPrincipalName when the vault knows it, else null
 * @param address           the host or domain the vault targets
 * @param container         the safe (CyberArk), managed system (BeyondTrust) or folder (Delinea)
 * @param platform          the vendor's platform / system type / secret template
 * @param directoryAccount  whether it is a directory (AD) account rather than a local one
 * @param autoManaged       whether the vault rotates it by itself; null when the vendor's listing does not say
 * @param lastChanged       the last password change the vault reports (Delinea: last change attempt), or null
 */
public record ManagedAccount(PamVendor vendor, String id, String userName, String domain, String userPrincipalName,
                             String address, String container, String platform, boolean directoryAccount,
                             Boolean autoManaged, Instant lastChanged) {

    /** {@code DOMAIN} and {@code userName} joined by a backslash, or null for a local account. */
    public String domainQualifiedName() {
        return domain == null ? null : domain + "\\" + userName;
    }

    /**
     * Whether this is the directory identity with these names. Domains are compared against both
     * spellings because vaults store either; any argument may be null.
     */
    public boolean matches(String netbiosDomain, String dnsDomain, String samAccountName, String upn) {
        if (upn != null && userPrincipalName != null && upn.equalsIgnoreCase(userPrincipalName)) {
            return true;
        }
        if (!directoryAccount || userName == null) {
            return false;
        }
        if (upn != null && domain != null && upn.equalsIgnoreCase(userName + "@" + domain)) {
            return true;
        }
        return samAccountName != null && samAccountName.equalsIgnoreCase(userName) && domain != null
                && (domain.equalsIgnoreCase(netbiosDomain) || domain.equalsIgnoreCase(dnsDomain));
    }
}
