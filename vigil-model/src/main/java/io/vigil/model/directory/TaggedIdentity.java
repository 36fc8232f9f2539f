package io.vigil.model.directory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** An identity with the tags computed and assigned for it. */
public record TaggedIdentity(DirectoryIdentity identity, Set<IdentityTag> tags) {

    public TaggedIdentity {
        Objects.requireNonNull(identity, "identity");
        tags = tags == null || tags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(tags));
    }

    public boolean has(IdentityTag tag) {
        return tags.contains(tag);
    }
}
