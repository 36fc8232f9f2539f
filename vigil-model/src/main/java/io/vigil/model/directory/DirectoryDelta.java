package io.vigil.model.directory;

import java.util.List;

/**
 * What changed in a domain between two syncs from the same domain controller.
 *
 * @param changed identities added or modified since {@code fromUsn}, as they are now
 * @param removed identities of the previous snapshot that are gone (deleted, or moved out of the
 *                synced subtree), as they were
 */
public record DirectoryDelta(
        String domain,
        long fromUsn,
        long toUsn,
        List<DirectoryIdentity> changed,
        List<DirectoryIdentity> removed) {

    public DirectoryDelta {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty();
    }
}
