package io.vigil.ingest.journal;

import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The live segments by base position. The last one is the segment being appended to. */
final class SegmentCatalog {

    private final ConcurrentNavigableMap<Long, Segment> segments = new ConcurrentSkipListMap<>();

    void add(Segment segment) {
        segments.put(segment.basePosition(), segment);
    }

    Segment first() {
        return segments.firstEntry().getValue();
    }

    Segment last() {
        return segments.lastEntry().getValue();
    }

    /** The segment that holds {@code position} if it is stored, or null if it is before the first. */
    Segment containing(long position) {
        var entry = segments.floorEntry(position);
        return entry == null ? null : entry.getValue();
    }

    /** The segment after {@code segment}, or null. */
    Segment after(Segment segment) {
        var entry = segments.higherEntry(segment.basePosition());
        return entry == null ? null : entry.getValue();
    }

    /** Removes and returns the segments all of whose records are before {@code position}; never the last. */
    List<Segment> removeBefore(long position) {
        List<Segment> removable = segments.values().stream()
                .filter(s -> s != last())
                .filter(s -> after(s).basePosition() <= position)
                .toList();
        removable.forEach(s -> segments.remove(s.basePosition()));
        return removable;
    }

    int size() {
        return segments.size();
    }
}
