package io.vigil.integrations.ldap.internal;

import io.vigil.model.directory.DirectoryDelta;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectorySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delta between two snapshots of a domain: every identity whose record differs (so an account
 * whose {@code memberOf} changed because a group's member list did is in it too), and every
 * identity gone.
 */
public final class SnapshotDiff {

    private SnapshotDiff() {
    }

    public static DirectoryDelta between(DirectorySnapshot previous, DirectorySnapshot next) {
        Map<UUID, DirectoryIdentity> before = new LinkedHashMap<>();
        for (DirectoryIdentity identity : previous.identities()) {
            before.put(identity.objectGuid(), identity);
        }
        List<DirectoryIdentity> changed = new ArrayList<>();
        for (DirectoryIdentity identity : next.identities()) {
            DirectoryIdentity old = before.remove(identity.objectGuid());
            if (!identity.equals(old)) {
                changed.add(identity);
            }
        }
        List<DirectoryIdentity> removed = new ArrayList<>(before.values());
        return new DirectoryDelta(next.domain(), previous.highestUsn(), next.highestUsn(), changed, removed);
    }
}
