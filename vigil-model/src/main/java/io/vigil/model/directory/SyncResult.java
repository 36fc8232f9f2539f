package io.vigil.model.directory;

import java.util.Objects;
import java.util.Optional;

/**
 * A sync's outcome with its inventory. A succeeded sync has a complete snapshot (an incremental one
 * also the delta that led to it); a failed sync has neither, and the caller keeps the last good one.
 */
public record SyncResult(SyncOutcome outcome, DirectorySnapshot snapshot, DirectoryDelta delta) {

    public SyncResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome.succeeded() != (snapshot != null)) {
            throw new IllegalArgumentException("a snapshot comes with success and only with it");
        }
        if (!outcome.succeeded() && delta != null) {
            throw new IllegalArgumentException("a failed sync has no delta");
        }
    }

    public static SyncResult failed(SyncOutcome outcome) {
        return new SyncResult(outcome, null, null);
    }

    public Optional<DirectorySnapshot> inventory() {
        return Optional.ofNullable(snapshot);
    }

    public Optional<DirectoryDelta> changes() {
        return Optional.ofNullable(delta);
    }
}
