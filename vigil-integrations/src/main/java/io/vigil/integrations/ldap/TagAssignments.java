package io.vigil.integrations.ldap;

import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.IdentityTag;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tags set by an administrator (Sensitive, Honeytoken) or by another integration (the PAM
 * "Managed by" tags), each naming identities by SID, objectGUID, DN, UPN, {@code sAMAccountName}
 * or {@code DOMAIN\sAMAccountName} (the domain as its DNS name or first label), as
 * {@link IdentityNames} defines what an identity answers to. Matching ignores case.
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
            normalised.put(tag, refs.stream().map(IdentityNames::fold).collect(Collectors.toUnmodifiableSet()));
        });
        return new TagAssignments(normalised);
    }

    public boolean has(DirectoryIdentity identity, IdentityTag tag) {
        Set<String> refs = references.get(tag);
        return refs != null && !refs.isEmpty() && IdentityNames.of(identity).stream().anyMatch(refs::contains);
    }
}
