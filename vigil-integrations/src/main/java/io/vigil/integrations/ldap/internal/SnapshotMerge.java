package io.vigil.integrations.ldap.internal;

import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectoryObjectKind;
import io.vigil.model.directory.DirectorySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies an incremental read to the previous inventory.
 *
 * <p>Deletions: AD only shows deleted objects (tombstones) to privileged accounts with the
 * show-deleted control, so Vigil does not rely on them. Each incremental sync also lists the GUID
 * and DN of every object in scope (one cheap paged search) and drops what is no longer there — an
 * object deleted, or moved out of the synced subtree. The same list carries the current DN of every
 * object, which catches renames and moves of a parent OU: those change a child's DN without
 * touching its {@code uSNChanged}. Group member lists are rewritten to the new DNs, because AD
 * updates the DN in a group's {@code member} values without changing the group's USN either.
 */
public final class SnapshotMerge {

    private SnapshotMerge() {
    }

    /**
     * @param changed entries with {@code uSNChanged} above the previous cursor, as read now
     * @param present GUID → current DN of every object in scope now
     * @return the merged identities, {@code memberOf} not yet linked
     */
    public static List<DirectoryIdentity> merge(DirectorySnapshot previous, List<DirectoryIdentity> changed,
            Map<UUID, String> present) {
        Map<UUID, DirectoryIdentity> merged = new LinkedHashMap<>();
        Map<String, String> renamed = new HashMap<>();
        for (DirectoryIdentity old : previous.identities()) {
            String dn = present.get(old.objectGuid());
            if (dn == null) {
                continue;
            }
            DirectoryIdentity current = old;
            if (!DnKey.of(dn).equals(DnKey.of(old.distinguishedName()))) {
                current = old.withDistinguishedName(dn);
                renamed.put(DnKey.of(old.distinguishedName()), dn);
            }
            merged.put(old.objectGuid(), current);
        }
        for (DirectoryIdentity fresh : changed) {
            if (present.containsKey(fresh.objectGuid())) {
                DirectoryIdentity old = merged.get(fresh.objectGuid());
                if (old != null && !DnKey.of(old.distinguishedName()).equals(DnKey.of(fresh.distinguishedName()))) {
                    renamed.put(DnKey.of(old.distinguishedName()), fresh.distinguishedName());
                }
                merged.put(fresh.objectGuid(), fresh);
            }
        }
        if (renamed.isEmpty()) {
            return new ArrayList<>(merged.values());
        }
        List<DirectoryIdentity> result = new ArrayList<>(merged.size());
        for (DirectoryIdentity identity : merged.values()) {
            result.add(identity.kind() == DirectoryObjectKind.GROUP ? renameMembers(identity, renamed) : identity);
        }
        return result;
    }

    private static DirectoryIdentity renameMembers(DirectoryIdentity group, Map<String, String> renamed) {
        List<String> members = new ArrayList<>(group.members().size());
        boolean any = false;
        for (String member : group.members()) {
            String now = renamed.get(DnKey.of(member));
            any |= now != null;
            members.add(now == null ? member : now);
        }
        return any ? group.withMembers(members) : group;
    }
}
