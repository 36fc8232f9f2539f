package io.vigil.detection.builtin.common;

import io.vigil.model.identity.AuthProtocol;
import io.vigil.model.identity.IdentityEvent;

/** The authentication protocol an event shows, named the way alert texts say it. */
public final class Protocols {

    private Protocols() {
    }

    /** {@code Kerberos}, {@code NTLM}, {@code Negotiate}…, or null when the event does not say. */
    public static String nameOf(IdentityEvent e) {
        return switch (e.kind()) {
            case KERBEROS_TGT_REQUEST, KERBEROS_SERVICE_TICKET_REQUEST, KERBEROS_PREAUTH_FAILED -> "Kerberos";
            case NTLM_VALIDATION, NTLM_AUTHENTICATION -> "NTLM";
            default -> nameOf(e.protocol());
        };
    }

    private static String nameOf(AuthProtocol p) {
        return switch (p) {
            case KERBEROS -> "Kerberos";
            case NTLM -> "NTLM";
            case NEGOTIATE -> "Negotiate";
            case LDAP -> "LDAP";
            case OTHER, NONE -> null;
        };
    }
}
