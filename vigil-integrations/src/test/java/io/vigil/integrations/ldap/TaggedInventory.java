package io.vigil.integrations.ldap;

import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.TaggedIdentity;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/** Test helper: look identities and their tags up by account name. */
record TaggedInventory(List<TaggedIdentity> tagged) {

    static TaggedInventory of(DirectorySnapshot snapshot) {
        return of(snapshot, TagAssignments.none());
    }

    static TaggedInventory of(DirectorySnapshot snapshot, TagAssignments assignments) {
        return new TaggedInventory(new IdentityTagger().tag(List.of(snapshot), assignments));
    }

    Set<IdentityTag> tags(String samAccountName) {
        return find(samAccountName).tags();
    }

    DirectoryIdentity identity(String samAccountName) {
        return find(samAccountName).identity();
    }

    private TaggedIdentity find(String samAccountName) {
        return tagged.stream()
                .filter(t -> samAccountName.equalsIgnoreCase(t.identity().samAccountName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(samAccountName + " not in the inventory"));
    }
}
