package io.vigil.integrations.ldap.internal;

import io.vigil.model.directory.SyncErrorKind;

/** An attribute value that does not decode; the message names the entry, the attribute and why. */
public final class MalformedAttributeException extends SyncFailure {

    private static final long serialVersionUID = 1L;

    private final String dn;
    private final String attribute;

    public MalformedAttributeException(String dn, String attribute, String problem) {
        super(SyncErrorKind.MALFORMED_ATTRIBUTE, "entry '" + dn + "', attribute " + attribute + ": " + problem);
        this.dn = dn;
        this.attribute = attribute;
    }

    public String dn() {
        return dn;
    }

    public String attribute() {
        return attribute;
    }
}
