package io.vigil.ingest.journal;

import java.util.stream.LongStream;

/**
 * The positions given to the records of one {@link Journal#append} call. The journal assigns them
 * contiguously and in the order of the list, so a range is all a caller needs to map them back.
 *
 * @param first position of the first record
 * @param count number of records
 */
public record PositionRange(long first, int count) {

    public PositionRange {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException("first " + first + ", count " + count);
        }
    }

    /** Position of the {@code index}-th record of the append. */
    public long positionOf(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
        return first + index;
    }

    /** The position after the last record. */
    public long end() {
        return first + count;
    }

    public LongStream positions() {
        return LongStream.range(first, end());
    }
}
