package io.vigil.store.directory;

import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.IdentityTag;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A domain's stored inventory with the tags last computed for its identities, by objectGUID. */
public record StoredInventory(DirectorySnapshot snapshot, Map<UUID, Set<IdentityTag>> tags) {

    public StoredInventory {
        tags = Map.copyOf(tags);
    }

    public Set<IdentityTag> tagsOf(UUID objectGuid) {
        return tags.getOrDefault(objectGuid, Set.of());
    }
}
