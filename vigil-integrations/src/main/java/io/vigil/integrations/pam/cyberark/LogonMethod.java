package io.vigil.integrations.pam.cyberark;

/** The PVWA authentication types of {@code API/auth/{type}/Logon}. */
public enum LogonMethod {
    CYBERARK("CyberArk"),
    LDAP("LDAP"),
    RADIUS("RADIUS"),
    WINDOWS("Windows");

    private final String pathName;

    LogonMethod(String pathName) {
        this.pathName = pathName;
    }

    public String pathName() {
        return pathName;
    }
}
