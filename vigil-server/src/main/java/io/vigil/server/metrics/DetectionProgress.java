package io.vigil.server.metrics;

import java.time.Instant;

/** How far the detection loop has read the journal; what lag, readiness and the ingest status show. */
public interface DetectionProgress {

    /** The journal position of the last record handed to the engine, -1 before any. */
    long processedPosition();

    boolean isRunning();

    /** Where the current engine started reading, or null before it started. */
    StartPoint startPoint();

    /** The newest detector snapshot this process saved, or null when none yet. */
    SnapshotPoint lastSnapshot();

    /**
     * @param snapshotId   the snapshot restored, null when the engine started empty and replayed the journal
     * @param restoredKeys keyed detector states the snapshot held
     */
    record StartPoint(long position, Long snapshotId, int restoredKeys) {
    }

    record SnapshotPoint(long position, Instant at) {
    }
}
