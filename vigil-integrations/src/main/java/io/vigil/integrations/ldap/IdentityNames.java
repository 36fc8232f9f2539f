package io.vigil.integrations.ldap;

import io.vigil.model.directory.DirectoryIdentity;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names an identity answers to, and so the one rule for whether a reference — what an
 * administrator, a vault or an analyst calls an account — is that identity: its SID, objectGUID, DN,
 * UPN, {@code sAMAccountName}, and {@code DOMAIN\sAMAccountName} with the domain as its DNS name or its
 * first label (the NetBIOS name in most domains). Names are compared {@link #fold folded}.
 */
public final class IdentityNames {

    private IdentityNames() {
    }

    /** Every name of a directory identity, folded. */
    public static Set<String> of(DirectoryIdentity identity) {
        Set<String> names = new LinkedHashSet<>();
        names.add(fold(identity.distinguishedName()));
        names.add(fold(identity.objectGuid().toString()));
        if (identity.objectSid() != null) {
            names.add(fold(identity.objectSid()));
        }
        names.addAll(of(identity.domain(), identity.samAccountName(), identity.userPrincipalName()));
        return names;
    }

    /**
     * The names of an account known only by the parts a vault records of it: its domain (DNS or NetBIOS
     * name), its {@code sAMAccountName} and its UPN, any of them null.
     */
    public static Set<String> of(String domain, String samAccountName, String upn) {
        Set<String> names = new LinkedHashSet<>();
        if (upn != null && !upn.isBlank()) {
            names.add(fold(upn));
        }
        if (samAccountName != null && !samAccountName.isBlank()) {
            String sam = fold(samAccountName);
            names.add(sam);
            if (domain != null && !domain.isBlank()) {
                String dns = fold(domain);
                names.add(dns + "\\" + sam);
                int dot = dns.indexOf('.');
                if (dot > 0) {
                    names.add(dns.substring(0, dot) + "\\" + sam);
                }
            }
        }
        return names;
    }

    /** Whether the identity answers to {@code reference}. */
    public static boolean matches(DirectoryIdentity identity, String reference) {
        return reference != null && of(identity).contains(fold(reference));
    }

    public static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
