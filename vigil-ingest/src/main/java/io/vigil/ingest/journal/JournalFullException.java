package io.vigil.ingest.journal;

/**
 * An append was refused because the journal is at one of its bounds. Nothing of the append was
 * written. This is back-pressure, not a failure: the caller should tell its client to retry later
 * (HTTP 429 or 503 with {@code Retry-After}, a syslog TCP reader stops reading).
 *
 * <p>It is checked on purpose, and is not an {@link java.io.IOException}, so that a generic I/O
 * error handler cannot turn it into a 500 by accident.
 */
public final class JournalFullException extends Exception {

    /** Which bound was hit. */
    public enum Limit {
        /** Records the consumer has not yet marked consumed exceed {@link JournalConfig#maxUnconsumedBytes()}. */
        UNCONSUMED_BYTES,
        /** Appends waiting for the disk exceed {@link JournalConfig#maxInFlightBytes()} (the disk is slower than the input). */
        IN_FLIGHT_BYTES
    }

    private final Limit limit;
    private final long usedBytes;
    private final long limitBytes;

    JournalFullException(Limit limit, long usedBytes, long limitBytes) {
        super("journal full: " + describe(limit) + " would be " + usedBytes + " bytes, limit " + limitBytes,
                null, false, false);
        this.limit = limit;
        this.usedBytes = usedBytes;
        this.limitBytes = limitBytes;
    }

    private static String describe(Limit limit) {
        return limit == Limit.UNCONSUMED_BYTES ? "unconsumed records" : "appends waiting for the disk";
    }

    public Limit limit() {
        return limit;
    }

    /** Bytes that would have been in use had the append been accepted. */
    public long usedBytes() {
        return usedBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
