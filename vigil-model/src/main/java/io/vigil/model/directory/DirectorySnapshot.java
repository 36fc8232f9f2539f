package io.vigil.model.directory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The complete inventory of one domain as one domain controller saw it. Only a sync that succeeded
 * yields one; a failed sync yields none, so a snapshot is never partial.
 *
 * @param server     the domain controller the inventory and {@code highestUsn} come from (its
 *                   {@code dsServiceName}); USNs are local to a DC, so incremental syncs must go to it
 * @param highestUsn the DC's {@code highestCommittedUSN} read before the search began; the next
 *                   incremental sync asks for changes above it
 */
public record DirectorySnapshot(
        String domain,
        String server,
        long highestUsn,
        Instant syncedAt,
        List<DirectoryIdentity> identities) {

    public DirectorySnapshot {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(syncedAt, "syncedAt");
        identities = List.copyOf(identities);
    }
}
