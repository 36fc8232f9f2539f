package io.vigil.ingest.journal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The two bounds of the journal. Bytes are counted in the journal's byte stream (all segments end to
 * end, frame bytes included); "consumed" is rounded down to the sparse index, so the count errs on
 * the side of refusing a little early, never of growing past the limit.
 */
final class Capacity {

    private final long maxUnconsumedBytes;
    private final long maxInFlightBytes;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long durableEnd;
    private volatile long consumedOffset;

    Capacity(long maxUnconsumedBytes, long maxInFlightBytes, long durableEnd, long consumedOffset) {
        this.maxUnconsumedBytes = maxUnconsumedBytes;
        this.maxInFlightBytes = maxInFlightBytes;
        this.durableEnd = durableEnd;
        this.consumedOffset = consumedOffset;
    }

    /** Refuses a batch that could never fit, whatever the consumer does. */
    void checkFits(long bytes) {
        if (bytes > maxUnconsumedBytes || bytes > maxInFlightBytes) {
            throw new IllegalArgumentException("a batch of " + bytes + " bytes is larger than the journal's bounds ("
                    + maxUnconsumedBytes + " unconsumed, " + maxInFlightBytes + " in flight)");
        }
    }

    void reserve(long bytes) throws JournalFullException {
        long pending = inFlight.addAndGet(bytes);
        if (pending > maxInFlightBytes) {
            release(bytes);
            rejected.incrementAndGet();
            throw new JournalFullException(JournalFullException.Limit.IN_FLIGHT_BYTES, pending, maxInFlightBytes);
        }
        long unconsumed = durableEnd - consumedOffset + pending;
        if (unconsumed > maxUnconsumedBytes) {
            release(bytes);
            rejected.incrementAndGet();
            throw new JournalFullException(JournalFullException.Limit.UNCONSUMED_BYTES, unconsumed, maxUnconsumedBytes);
        }
    }

    /** The writer made {@code bytes} durable (after advancing {@link #durableEnd}) or gave up on them. */
    void release(long bytes) {
        inFlight.addAndGet(-bytes);
    }

    void durableEnd(long journalOffset) {
        durableEnd = journalOffset;
    }

    synchronized void consumedUpTo(long journalOffset) {
        if (journalOffset > consumedOffset) {
            consumedOffset = journalOffset;
        }
    }

    long unconsumedBytes() {
        return Math.max(0, durableEnd - consumedOffset) + inFlight.get();
    }

    long rejected() {
        return rejected.get();
    }
}
