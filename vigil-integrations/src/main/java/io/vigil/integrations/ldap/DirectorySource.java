package io.vigil.integrations.ldap;

import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.SyncResult;

/**
 * Reads one domain's identities. Calls never throw for directory trouble: a failure is a FAILED
 * outcome with no inventory, and the caller keeps its last good snapshot.
 */
public interface DirectorySource {

    /** The domain's DNS name this source reads. */
    String domain();

    /** Connects, binds and reads the root DSE and the base DN: whether a sync could run, without one. */
    ConnectionCheck check();

    /** Reads every user, computer, group and gMSA. */
    SyncResult fullSync();

    /**
     * Reads what changed since {@code previous} (the last snapshot this source produced) and returns
     * the delta with the merged, complete snapshot. Runs a full sync instead when the DC that
     * answers is not the one {@code previous} came from, or its USN went backwards.
     */
    SyncResult incrementalSync(DirectorySnapshot previous);
}
