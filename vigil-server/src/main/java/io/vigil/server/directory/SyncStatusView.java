package io.vigil.server.directory;

import java.time.Instant;

/**
 * A source's sync status. {@code inventory} is the complete inventory in use (null before the first
 * successful sync); when {@code last} failed, that inventory is the one from {@code lastSucceeded}.
 *
 * @param syncing         a sync is queued or running
 * @param last            the most recent outcome, of either mode
 * @param lastFull        the last full sync
 * @param lastIncremental the last incremental sync
 */
public record SyncStatusView(long sourceId, String domain, boolean syncing, InventoryView inventory,
                             SyncOutcomeView last, SyncOutcomeView lastFull, SyncOutcomeView lastIncremental) {

    /** The inventory in use: read from {@code server} at {@code syncedAt}, up to its USN. */
    public record InventoryView(int identities, Instant syncedAt, String server, long highestUsn) {
    }
}
