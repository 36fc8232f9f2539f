package io.vigil.ingest.journal;

import java.nio.file.Path;

/**
 * One segment file and what is known about its contents. Only the writer thread changes it; readers
 * read the volatile fields. The writer publishes in this order: data forced, then
 * {@link #durableBytes}, then {@link #sealed}; so a reader that sees {@code sealed} also sees the
 * final size.
 */
final class Segment {

    private final long basePosition;
    private final Path file;
    private final long journalOffset;
    private final SparseIndex index = new SparseIndex();
    private volatile long durableBytes;
    private volatile long nextPosition;
    private volatile boolean sealed;

    /**
     * @param journalOffset where this segment starts in the byte stream of the whole journal (the sum
     *                      of the sizes of the segments before it), for counting unconsumed bytes
     */
    Segment(long basePosition, Path file, long journalOffset) {
        this.basePosition = basePosition;
        this.file = file;
        this.journalOffset = journalOffset;
        this.nextPosition = basePosition;
    }

    long basePosition() {
        return basePosition;
    }

    Path file() {
        return file;
    }

    long journalOffset() {
        return journalOffset;
    }

    SparseIndex index() {
        return index;
    }

    /** Bytes at the start of the file that hold durable, complete frames. */
    long durableBytes() {
        return durableBytes;
    }

    /** Position after the last durable record of this segment. */
    long nextPosition() {
        return nextPosition;
    }

    boolean isSealed() {
        return sealed;
    }

    void published(long bytes, long next) {
        durableBytes = bytes;
        nextPosition = next;
    }

    void seal() {
        sealed = true;
    }

    /** Offset of a frame boundary at or before {@code position}'s frame, with the position of that frame. */
    SparseIndex.Entry seek(long position) {
        return index.floor(position, new SparseIndex.Entry(basePosition, 0));
    }

    /** Bytes of the journal before {@code position}, rounded down to the index granularity. */
    long journalOffsetOf(long position) {
        if (position >= nextPosition) {
            return journalOffset + durableBytes;
        }
        return journalOffset + seek(position).offset();
    }
}
