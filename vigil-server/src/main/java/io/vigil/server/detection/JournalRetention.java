package io.vigil.server.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides how far back the journal must be kept. Without state snapshots the engine rebuilds its
 * state on start by replaying the journal, so the journal keeps at least the longest detector window
 * (one hour today) of processed records; older whole segments may go. Samples of (time, position) are
 * taken as records are processed, at most one a minute.
 */
final class JournalRetention {

    private final Duration keep;
    private final Deque<long[]> samples = new ArrayDeque<>();

    JournalRetention(Duration keep) {
        this.keep = keep;
    }

    /** Notes that every record before {@code nextPosition} was processed by {@code now}. */
    void processed(long nextPosition, Instant now) {
        long minute = now.getEpochSecond() / 60;
        if (samples.isEmpty() || samples.peekLast()[0] != minute) {
            samples.addLast(new long[] {minute, nextPosition});
        }
    }

    /** The position before which records may be deleted at {@code now}, or -1 when none may yet. */
    long deletableBefore(Instant now) {
        long cutoffMinute = now.minus(keep).getEpochSecond() / 60;
        long position = -1;
        while (!samples.isEmpty() && samples.peekFirst()[0] <= cutoffMinute) {
            position = samples.pollFirst()[1];
        }
        return position;
    }
}
