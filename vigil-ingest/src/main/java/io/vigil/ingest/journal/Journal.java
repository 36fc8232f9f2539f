package io.vigil.ingest.journal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The durable ingest journal: a local write-ahead log that received event batches are appended to
 * before they are acknowledged, and that the engine reads from.
 *
 * <h2>Layout</h2>
 * A directory of segment files named by the position of their first record
 * ({@code 00000000000000000000.log}, …), each a sequence of {@linkplain RecordFrame frames}
 * {@code [length][CRC32C][position][payload]}. Positions are record numbers, strictly increasing,
 * never reused for an acknowledged record, and stable across restarts. A new segment starts when
 * the current one would grow past {@link JournalConfig#segmentBytes()}. A {@code journal.lock} file
 * keeps a second process from opening the same directory.
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li><b>Durable acknowledgement.</b> {@link #append} returns only after the records, and every record
 *     before them, have been written and forced with {@code FileChannel.force(false)} (fdatasync), and
 *     the directory entry of a new segment has been forced too. A process crash (kill -9) or a power
 *     loss after it returns loses none of them, provided the storage honours flushes (a disk or
 *     hypervisor that acknowledges a flush from a volatile cache can still lose them; that is outside
 *     what software can fix).</li>
 * <li><b>Group commit.</b> Concurrent appends are written and forced together by one thread; see
 *     {@link GroupCommitter}.</li>
 * <li><b>Readers see only durable records</b>, so the engine never acts on a record that a crash could
 *     take back.</li>
 * <li><b>Recovery.</b> Opening scans the segments and checks every checksum; the unfinished write at
 *     the end of the last segment is cut (it was never acknowledged), damaged regions elsewhere are
 *     reported to the {@link CorruptionListener} with file and offset and skipped, and a corrupt record
 *     is never returned. See {@link JournalRecovery}.</li>
 * <li><b>At least once, not exactly once.</b> Records written by a group that crashed before its flush
 *     finished may survive without having been acknowledged; the sender retries and the event is
 *     stored twice. Exactly-once effects are the engine's business (alert ids derived from detector,
 *     key and window).</li>
 * <li><b>Bounded.</b> Appends are refused with {@link JournalFullException}, never queued without limit,
 *     when the unconsumed bytes or the bytes waiting for the disk would pass their bounds.</li>
 * </ul>
 *
 * <h2>Consuming</h2>
 * The engine reads with a {@link JournalReader}, keeps its own checkpoint (the next position it needs)
 * with its state snapshot, calls {@link #markConsumed} as it processes records (that frees back-pressure
 * room) and {@link #truncateBefore} once a snapshot holding the checkpoint is durable (that frees disk).
 * After a restart it opens a reader at its checkpoint.
 *
 * <p>All methods are thread-safe. Segment files are deleted while readers may still hold them open,
 * which POSIX file systems allow.
 */
public final class Journal implements AutoCloseable {

    private final JournalConfig config;
    private final SegmentCatalog catalog;
    private final RecoveryReport recovery;
    private final Capacity capacity;
    private final TailSignal tail = new TailSignal();
    private final FileChannel lockChannel;
    private final SegmentWriter writer;
    private final GroupCommitter committer;

    private Journal(JournalConfig config, FileChannel lockChannel) throws IOException {
        this.config = config;
        this.lockChannel = lockChannel;
        JournalRecovery.Result recovered = JournalRecovery.recover(config);
        this.catalog = recovered.catalog();
        this.recovery = recovered.report();
        Segment last = catalog.last();
        this.capacity = new Capacity(config.maxUnconsumedBytes(), config.maxInFlightBytes(),
                last.journalOffset() + last.durableBytes(), 0);
        this.writer = new SegmentWriter(config, catalog, (end, next) -> {
            capacity.durableEnd(end);
            tail.signal();
        });
        this.committer = new GroupCommitter(writer, capacity, "vigil-journal-writer " + config.directory());
    }

    public static Journal open(Path directory) throws IOException {
        return open(JournalConfig.defaults(directory));
    }

    public static Journal open(JournalConfig config) throws IOException {
        Path directory = config.directory().toAbsolutePath();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            // the new folder's own entry must survive a power loss too, or the first segment goes with it
            SegmentFile.syncDirectory(directory.getParent());
        }
        FileChannel lockChannel = FileChannel.open(config.directory().resolve("journal.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("the journal in " + config.directory() + " is already open");
            }
            return new Journal(config, lockChannel);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    /**
     * Appends records and returns once they are durable.
     *
     * @param payloads opaque record payloads, each at most {@link JournalConfig#maxRecordBytes()}; the
     *                 arrays must not be changed until this returns
     * @return the positions given to the records, in the order of the list
     * @throws JournalFullException  when a bound is reached; nothing was written
     * @throws InterruptedIOException when interrupted while waiting; the records may still become durable
     * @throws IOException           when the journal cannot write; it then refuses all further appends
     */
    public PositionRange append(List<byte[]> payloads) throws JournalFullException, IOException {
        CompletableFuture<PositionRange> result = appendAsync(payloads);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the journal flush; "
                    + "the records may still become durable");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? new IOException(io.getMessage(), io) : new IOException(cause);
        }
    }

    /**
     * Like {@link #append} without blocking: the future completes once the records are durable. It is
     * completed on the journal's writer thread, so dependent stages that do real work should use the
     * {@code …Async} methods of {@link CompletableFuture}.
     */
    public CompletableFuture<PositionRange> appendAsync(List<byte[]> payloads) throws JournalFullException {
        long frameBytes = 0;
        for (byte[] payload : payloads) {
            Objects.requireNonNull(payload, "payload");
            if (payload.length > config.maxRecordBytes()) {
                throw new IllegalArgumentException("a record of " + payload.length
                        + " bytes is larger than the journal's maximum of " + config.maxRecordBytes());
            }
            frameBytes += RecordFrame.frameBytes(payload.length);
        }
        if (payloads.isEmpty()) {
            return CompletableFuture.completedFuture(new PositionRange(nextPosition(), 0));
        }
        capacity.checkFits(frameBytes);
        capacity.reserve(frameBytes);
        try {
            return committer.submit(List.copyOf(payloads), frameBytes);
        } catch (RuntimeException e) {
            capacity.release(frameBytes);
            throw e;
        }
    }

    /**
     * A reader that returns the records from {@code fromPosition} on, in order.
     *
     * @throws IllegalArgumentException if {@code fromPosition} was truncated or is past {@link #nextPosition()}
     */
    public JournalReader reader(long fromPosition) throws IOException {
        long first = firstPosition();
        if (fromPosition < first) {
            throw new IllegalArgumentException("position " + fromPosition + " was truncated; the journal starts at " + first);
        }
        long next = nextPosition();
        if (fromPosition > next) {
            throw new IllegalArgumentException("position " + fromPosition + " is past the end of the journal (" + next + ")");
        }
        return new JournalReader(catalog, catalog.containing(fromPosition), fromPosition, tail,
                config.corruptionListener(), config.maxRecordBytes());
    }

    /**
     * Declares that the records before {@code position} have been processed, so they no longer count
     * against {@link JournalConfig#maxUnconsumedBytes()}. Deletes nothing; moving backwards is ignored.
     */
    public void markConsumed(long position) {
        checkNotPastEnd(position);
        Segment segment = catalog.containing(position);
        if (segment != null) {
            capacity.consumedUpTo(segment.journalOffsetOf(position));
        }
    }

    /**
     * Deletes the segments all of whose records are before {@code position}. Records from
     * {@code position} on are kept, and so may some before it (a segment is deleted whole).
     * Call it only once the consumer's checkpoint at {@code position} is durable.
     *
     * @return the number of segment files deleted
     */
    public int truncateBefore(long position) throws IOException {
        checkNotPastEnd(position);
        List<Segment> removed = catalog.removeBefore(position);
        for (Segment segment : removed) {
            Files.deleteIfExists(segment.file());
        }
        capacity.consumedUpTo(catalog.first().journalOffset());
        return removed.size();
    }

    private void checkNotPastEnd(long position) {
        long next = nextPosition();
        if (position > next) {
            throw new IllegalArgumentException("position " + position + " is past the end of the journal (" + next + ")");
        }
    }

    /** The first stored position (records before it were truncated). */
    public long firstPosition() {
        return catalog.first().basePosition();
    }

    /** The position after the last durable record: what the next appended record gets, unless appends are in flight. */
    public long nextPosition() {
        return catalog.last().nextPosition();
    }

    /** Bytes after the consumed mark plus bytes waiting for the disk: what the back-pressure bound compares. */
    public long unconsumedBytes() {
        return capacity.unconsumedBytes();
    }

    public RecoveryReport recovery() {
        return recovery;
    }

    public JournalStats stats() {
        return committer.stats(capacity.rejected());
    }

    public Path directory() {
        return config.directory();
    }

    /** Waits for queued appends to become durable, then closes the files. Readers should be closed first. */
    @Override
    public void close() throws IOException {
        committer.close();
        try {
            writer.close();
        } finally {
            lockChannel.close();
        }
    }
}
