package io.vigil.ingest.journal;

import java.util.Arrays;

/**
 * Positions and file offsets of some frames of a segment, one at least every {@link #INTERVAL_BYTES},
 * so a reader can start near any position without scanning the whole segment, and the journal can
 * tell how many bytes lie after a position. Kept in memory only: it is rebuilt by the open-time scan.
 */
final class SparseIndex {

    static final long INTERVAL_BYTES = 64 << 10;

    /** A frame boundary: the frame at {@code offset} has {@code position}. */
    record Entry(long position, long offset) {
    }

    private long[] positions = new long[16];
    private long[] offsets = new long[16];
    private int size;

    /** Called for every frame in order; keeps the frame if it is far enough from the last kept one. */
    synchronized void frameAt(long position, long offset) {
        if (size > 0 && offset - offsets[size - 1] < INTERVAL_BYTES) {
            return;
        }
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        positions[size] = position;
        offsets[size] = offset;
        size++;
    }

    /** The last kept frame whose position is at most {@code position}, or {@code fallback} if none. */
    synchronized Entry floor(long position, Entry fallback) {
        int i = Arrays.binarySearch(positions, 0, size, position);
        int at = i >= 0 ? i : -i - 2;
        return at < 0 ? fallback : new Entry(positions[at], offsets[at]);
    }
}
