package io.vigil.ingest.journal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link Journal}. Start from {@link #defaults(Path)} and adjust with the {@code with…}
 * methods.
 *
 * @param directory          folder of the segment files; created if missing
 * @param segmentBytes       a segment is closed and a new one started when the next record would
 *                           make it larger than this (a single record larger than it gets a segment
 *                           of its own)
 * @param maxRecordBytes     largest payload accepted; also bounds what the recovery scan believes
 *                           a length field, so keep it no larger than needed
 * @param maxUnconsumedBytes back-pressure bound: appends fail with {@link JournalFullException} while
 *                           the bytes after the consumed mark ({@link Journal#markConsumed}) would
 *                           exceed it. It bounds disk use too, as long as the consumer truncates
 * @param maxInFlightBytes   memory bound: bytes handed to {@code append} and not yet written, which
 *                           only grows when the disk is slower than the input
 * @param corruptionListener told about damaged regions that are skipped
 */
public record JournalConfig(
        Path directory,
        long segmentBytes,
        int maxRecordBytes,
        long maxUnconsumedBytes,
        long maxInFlightBytes,
        CorruptionListener corruptionListener) {

    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    public static final long DEFAULT_MAX_UNCONSUMED_BYTES = 1L << 30;
    public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 64L << 20;

    public JournalConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(corruptionListener, "corruptionListener");
        if (maxRecordBytes < 0 || maxRecordBytes > Integer.MAX_VALUE - RecordFrame.HEADER_BYTES) {
            throw new IllegalArgumentException("maxRecordBytes out of range: " + maxRecordBytes);
        }
        if (segmentBytes < RecordFrame.HEADER_BYTES) {
            throw new IllegalArgumentException("segmentBytes too small: " + segmentBytes);
        }
        if (maxUnconsumedBytes <= 0 || maxInFlightBytes <= 0) {
            throw new IllegalArgumentException("byte limits must be positive");
        }
    }

    public static JournalConfig defaults(Path directory) {
        return new JournalConfig(directory, DEFAULT_SEGMENT_BYTES, DEFAULT_MAX_RECORD_BYTES,
                DEFAULT_MAX_UNCONSUMED_BYTES, DEFAULT_MAX_IN_FLIGHT_BYTES, CorruptionListener.logging());
    }

    public JournalConfig withSegmentBytes(long bytes) {
        return new JournalConfig(directory, bytes, maxRecordBytes, maxUnconsumedBytes, maxInFlightBytes, corruptionListener);
    }

    public JournalConfig withMaxRecordBytes(int bytes) {
        return new JournalConfig(directory, segmentBytes, bytes, maxUnconsumedBytes, maxInFlightBytes, corruptionListener);
    }

    public JournalConfig withMaxUnconsumedBytes(long bytes) {
        return new JournalConfig(directory, segmentBytes, maxRecordBytes, bytes, maxInFlightBytes, corruptionListener);
    }

    public JournalConfig withMaxInFlightBytes(long bytes) {
        return new JournalConfig(directory, segmentBytes, maxRecordBytes, maxUnconsumedBytes, bytes, corruptionListener);
    }

    public JournalConfig withCorruptionListener(CorruptionListener listener) {
        return new JournalConfig(directory, segmentBytes, maxRecordBytes, maxUnconsumedBytes, maxInFlightBytes, listener);
    }
}
