package io.vigil.integrations.pam;

/** The PAM products Vigil connects to, with the names the console shows. */
public enum PamVendor {
    CYBERARK("CyberArk"),
    BEYONDTRUST("BeyondTrust"),
    DELINEA("Delinea");

    private final String displayName;

    PamVendor(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The identity tag for accounts this vault manages, e.g. {@code Managed by CyberArk}, as Defender for Identity shows it. */
    public String managedTag() {
        return "Managed by " + displayName;
    }

    /** The response action's label, e.g. {@code Reset password by CyberArk}, as Defender for Identity words it. */
    public String resetActionLabel() {
        return "Reset password by " + displayName;
    }
}
