package io.vigil.integrations.ldap;

public enum TransportSecurity {
    /** Plain LDAP; the password crosses the network in clear. Only for labs. */
    PLAIN,
    /** TLS from the first byte, usually port 636. */
    LDAPS,
    /** Plain LDAP upgraded with the StartTLS extended operation before binding, usually port 389. */
    START_TLS
}
