package io.vigil.simulators.core;

/**
 * An account the simulated vault holds at start.
 *
 * @param netbiosDomain null for a local account
 * @param address       the domain's DNS name for a domain account, the host for a local one
 * @param container     the safe (CyberArk), managed system (BeyondTrust) or folder (Delinea)
 */
public record SeedAccount(String userName, String netbiosDomain, String address, String container,
                          boolean autoManaged) {

    public static SeedAccount domain(String userName, String netbiosDomain, String dnsDomain) {
        return new SeedAccount(userName, netbiosDomain, dnsDomain, "Domain Admins Safe", true);
    }

    public static SeedAccount local(String userName, String host) {
        return new SeedAccount(userName, null, host, "Servers Safe", true);
    }

    public SeedAccount notAutoManaged() {
        return new SeedAccount(userName, netbiosDomain, address, container, false);
    }

    public boolean isDomainAccount() {
        return netbiosDomain != null;
    }

    /** {@code user@dns.domain} for a domain account, else null. */
    public String userPrincipalName() {
        return isDomainAccount() ? userName + "@" + address : null;
    }
}
