package io.vigil.server.directory;

import io.vigil.model.directory.TaggedIdentity;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Inventory states for tests outside the directory package: identities as given, with the tags given. */
public final class TestInventories {

    private TestInventories() {
    }

    public static InventoryIndex of(List<TaggedIdentity> identities) {
        return new InventoryIndex(Map.of(), identities, Set.of(), Map.of());
    }

    /** Publishes the state as a sync or a change of marks does. */
    public static void publish(DirectoryInventory inventory, InventoryIndex index) {
        inventory.publish(index);
    }
}
