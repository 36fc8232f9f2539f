package io.vigil.integrations.pam;

/** The PAM products Vigil connects to, with the names the console shows. */
public enum PamVendor {
    CYBERARK("CyberArk", true),
    /** Password Safe's {@code Requests} list only the API user's own queues: no account audit API (docs/pam.md). */
    BEYONDTRUST("BeyondTrust", false),
    DELINEA("Delinea", true);

    private final String displayName;
    private final boolean auditsAccounts;

    PamVendor(String displayName, boolean auditsAccounts) {
        this.displayName = displayName;
        this.auditsAccounts = auditsAccounts;
    }

    /**
     * Whether the vendor has an API for one account's audit trail (its checkouts and retrievals), which
     * {@link PamConnector#accountActivity} reads; a given vault may still lack it (CyberArk before 13.2).
     */
    public boolean auditsAccounts() {
        return auditsAccounts;
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
