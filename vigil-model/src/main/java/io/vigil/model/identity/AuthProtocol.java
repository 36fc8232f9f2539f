package io.vigil.model.identity;

public enum AuthProtocol {
    KERBEROS, NTLM, NEGOTIATE, LDAP, OTHER, NONE;

    public static AuthProtocol fromPackage(String authenticationPackage) {
        if (authenticationPackage == null) {
            return NONE;
        }
        String p = authenticationPackage.toUpperCase(java.util.Locale.ROOT);
        if (p.startsWith("KERBEROS")) {
            return KERBEROS;
        }
        if (p.startsWith("NTLM") || p.startsWith("MICROSOFT_AUTHENTICATION_PACKAGE")) {
            return NTLM;
        }
        if (p.startsWith("NEGOTIATE")) {
            return NEGOTIATE;
        }
        return OTHER;
    }
}
