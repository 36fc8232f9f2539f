package io.vigil.integrations.ldap.internal;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.Locale;

/** A DN in a form two spellings of the same DN share (case, spaces, escapes). */
public final class DnKey {

    private DnKey() {
    }

    public static String of(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.strip().toLowerCase(Locale.ROOT);
        }
    }
}
