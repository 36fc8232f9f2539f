package io.vigil.integrations.ldap;

import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.IdentityTag;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tags set by an administrator (Sensitive, Honeytoken) or by another integration (the PAM
 * "Managed by" tags), each naming identities by SID, objectGUID, DN, UPN, {@code sAMAccountName}
 * or {@code DOMAIN\sAMAccountName} (the domain as its DNS name or first label). Matching ignores case.
 */
public final class TagAssignments {

    private static final TagAssignments NONE = new TagAssignments(Map.of());

    private final Map<IdentityTag, Set<String>> references;

    private TagAssignments(Map<IdentityTag, Set<String>> references) {
        this.references = references;
    }

    public static TagAssignments none() {
        return NONE;
    }

    public static TagAssignments of(Map<IdentityTag, ? extends Set<String>> assignments) {
        Map<IdentityTag, Set<String>> normalised = new EnumMap<>(IdentityTag.class);
        assignments.forEach((tag, refs) -> {
            if (!tag.assigned()) {
                throw new IllegalArgumentException(tag + " is computed from the directory and cannot be assigned");
            }
            normalised.put(tag, refs.stream().map(TagAssignments::fold).collect(Collectors.toUnmodifiableSet()));
        });
        return new TagAssignments(normalised);
    }

    public boolean has(DirectoryIdentity identity, IdentityTag tag) {
        Set<String> refs = references.get(tag);
        return refs != null && !refs.isEmpty() && names(identity).anyMatch(refs::contains);
    }

    private static Stream<String> names(DirectoryIdentity identity) {
        Stream.Builder<String> names = Stream.builder();
        names.add(fold(identity.distinguishedName()));
        names.add(fold(identity.objectGuid().toString()));
        if (identity.objectSid() != null) {
            names.add(fold(identity.objectSid()));
        }
        if (identity.userPrincipalName() != null) {
            names.add(fold(identity.userPrincipalName()));
        }
        String sam = identity.samAccountName();
        if (sam != null) {
            names.add(fold(sam));
            if (identity.domain() != null) {
                String domain = fold(identity.domain());
                names.add(domain + "\\" + fold(sam));
                int dot = domain.indexOf('.');
                if (dot > 0) {
                    names.add(domain.substring(0, dot) + "\\" + fold(sam));
                }
            }
        }
        return names.build();
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
