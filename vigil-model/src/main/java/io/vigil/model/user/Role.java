package io.vigil.model.user;

/** The four roles of DESIGN §5, from most to least privileged. */
public enum Role {
    /** Everything, including users and roles. */
    GLOBAL_ADMIN,
    /** Connect integrations, change detector settings, run response actions. */
    SECURITY_ADMIN,
    /** Triage alerts and incidents. */
    SECURITY_OPERATOR,
    /** Read only. */
    SECURITY_READER;

    /** Whether this role may do what {@code required} may do. */
    public boolean includes(Role required) {
        return ordinal() <= required.ordinal();
    }
}
