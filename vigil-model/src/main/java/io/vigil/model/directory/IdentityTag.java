package io.vigil.model.directory;

/**
 * Entity tags as Defender for Identity defines them (reference §1.6), plus the PAM tags a PAM sync
 * sets. Some are computed from the directory, the others are assigned by an administrator or by
 * another integration ({@link #assigned()}).
 */
public enum IdentityTag {
    SENSITIVE(true),
    HONEYTOKEN(true),
    DOMAIN_CONTROLLER(false),
    SERVICE_ACCOUNT(false),
    KERBEROASTABLE(false),
    ASREP_ROASTABLE(false),
    DISABLED(false),
    MANAGED_BY_CYBERARK(true),
    MANAGED_BY_BEYONDTRUST(true),
    MANAGED_BY_DELINEA(true);

    private final boolean assigned;

    IdentityTag(boolean assigned) {
        this.assigned = assigned;
    }

    /**
     * Whether an administrator or an integration may set this tag on an identity. SENSITIVE is both:
     * computed from group membership and assignable.
     */
    public boolean assigned() {
        return assigned;
    }
}
