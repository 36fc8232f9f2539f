package io.vigil.ingest.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records in position order from a start position, and tails: when it has returned every durable
 * record, {@code poll} waits for the next commit. It only ever sees durable records.
 *
 * <p>Damaged regions are reported to the {@link CorruptionListener} and skipped; the positions stored
 * in them are missing from what the reader returns, so a consumer sees a gap rather than bad data.
 *
 * <p>One reader is for one thread. It has its own file handles, so interrupting its thread (which
 * closes a {@link FileChannel}) cannot disturb the writer or other readers.
 */
public final class JournalReader implements AutoCloseable {

    private final SegmentCatalog catalog;
    private final TailSignal tail;
    private final CorruptionListener listener;
    private final int maxRecordBytes;
    private Segment segment;
    private FileChannel channel;
    private FrameScanner scanner;
    private long position;
    private boolean closed;

    JournalReader(SegmentCatalog catalog, Segment segment, long fromPosition, TailSignal tail,
                  CorruptionListener listener, int maxRecordBytes) throws IOException {
        this.catalog = catalog;
        this.tail = tail;
        this.listener = listener;
        this.maxRecordBytes = maxRecordBytes;
        this.position = fromPosition;
        open(segment, segment.seek(fromPosition));
    }

    /** The position the reader continues from: records before it have been returned or skipped. */
    public long position() {
        return position;
    }

    /**
     * The next record, waiting up to {@code timeout} for one to become durable.
     *
     * @return the record, or null if none arrived in time
     */
    public JournalRecord poll(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen = tail.version();
            JournalRecord record = readAvailable();
            if (record != null) {
                return record;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            tail.awaitChange(seen, left);
        }
    }

    /**
     * Up to {@code maxRecords} records: waits up to {@code timeout} for the first, then takes only what
     * is already durable.
     *
     * @return the records, empty if none arrived in time
     */
    public List<JournalRecord> poll(int maxRecords, Duration timeout) throws IOException, InterruptedException {
        List<JournalRecord> records = new ArrayList<>();
        JournalRecord first = poll(timeout);
        if (first == null) {
            return records;
        }
        records.add(first);
        JournalRecord next;
        while (records.size() < maxRecords && (next = readAvailable()) != null) {
            records.add(next);
        }
        return records;
    }

    /** The next durable record without waiting, or null. */
    private JournalRecord readAvailable() throws IOException {
        if (closed) {
            throw new IllegalStateException("the reader is closed");
        }
        while (true) {
            // read sealed before the size: once sealed, the size seen afterwards is final
            boolean sealed = segment.isSealed();
            long limit = segment.durableBytes();
            FrameScanner.Step step = scanner.next(limit);
            if (step instanceof FrameScanner.Frame frame) {
                if (frame.position() >= position) {
                    position = frame.position() + 1;
                    return new JournalRecord(frame.position(), frame.payload());
                }
            } else if (step instanceof FrameScanner.Damage damage) {
                listener.onCorruption(new CorruptRegion(segment.file(), damage.offset(), damage.length(),
                        damage.reason(), damage.firstLost(), damage.resumePosition()));
                if (!damage.reachesLimit()) {
                    position = Math.max(position, damage.resumePosition());
                }
            } else if (sealed) {
                Segment next = catalog.after(segment);
                if (next == null) {
                    return null;
                }
                channel.close();
                position = Math.max(position, next.basePosition());
                open(next, new SparseIndex.Entry(next.basePosition(), 0));
            } else {
                return null;
            }
        }
    }

    private void open(Segment target, SparseIndex.Entry start) throws IOException {
        try {
            channel = SegmentFile.openForReading(target.file());
        } catch (NoSuchFileException e) {
            throw new IOException("the journal was truncated past this reader: " + target.file() + " is gone", e);
        }
        segment = target;
        scanner = new FrameScanner(new ReadWindow(channel, target.file()), start.offset(), start.position() - 1,
                maxRecordBytes);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        channel.close();
    }
}
